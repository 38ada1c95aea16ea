// SPDX-License-Identifier: MIT
namespace ZkOs.Samples.StackVm;

/// <summary>
/// Versions of the instruction set, named in the table's <c>since</c> column. A frame runs one version;
/// opcodes newer than it are invalid (EXP arrived in V2).
/// </summary>
public enum StackVmVersion
{
    V1 = 1,
    V2 = 2,
}
