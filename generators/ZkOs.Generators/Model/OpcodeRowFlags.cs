// SPDX-License-Identifier: MIT
using System;

namespace ZkOs.Generators.Model;

/// <summary>
/// The <c>flags</c> column of an opcode row. Mirrors ZkOs.Framework.Interpretation.OpcodeFlags (same
/// values), which the generator cannot reference: it runs inside the compiler, not against the framework.
/// </summary>
[Flags]
internal enum OpcodeRowFlags
{
    None = 0,
    Terminates = 1,
    Yields = 2,
    StaticForbidden = 4,
    Jumps = 8,
}
