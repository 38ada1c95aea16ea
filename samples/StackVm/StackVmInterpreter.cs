// SPDX-License-Identifier: MIT
using ZkOs.Framework.Interpretation;

namespace ZkOs.Samples.StackVm;

/// <summary>
/// The StackVm interpreter. Everything in it is generated from Tables/stackvm.*.csv and the handlers
/// in Handlers/: the <c>Run</c> dispatch loop, the opcode metadata (<c>Opcodes</c>) and the cost
/// constants (<c>Costs</c>). Read the output under obj/ (see README.md).
/// </summary>
[StackInterpreter("stackvm", typeof(StackVmContext), Versions = typeof(StackVmVersion))]
public static partial class StackVmInterpreter;
