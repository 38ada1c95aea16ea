// SPDX-License-Identifier: MIT
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>
/// A <c>[DecodedInterpreter]</c> class: where to emit, the handler signature's two types (fully
/// qualified), and the using directives of its file, so handler templates resolve as they would there.
/// </summary>
internal sealed record DecodedInterpreterSpec(
    string Namespace,
    string ClassName,
    string Table,
    string MachineType,
    string InstructionType,
    EquatableArray<string> Usings,
    LocationInfo? Location);
