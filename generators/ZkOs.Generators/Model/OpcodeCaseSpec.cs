// SPDX-License-Identifier: MIT
namespace ZkOs.Generators.Model;

/// <summary>One case of the dispatch switch: a valid row bound to its handler and its folded charge.</summary>
/// <param name="Ergs">Static ergs charged by the case: the row's cost plus the <c>InstructionStep</c> cost.</param>
/// <param name="Native">Static native charged by the case, step cost included.</param>
/// <param name="VersionGuard">The versions-enum member to compare against, fully qualified, or empty for none.</param>
/// <param name="Handler">The call to make, or null for a row without business logic.</param>
internal sealed record OpcodeCaseSpec(
    OpcodeRowSpec Row,
    long Ergs,
    long Native,
    string VersionGuard,
    HandlerCallSpec? Handler);
