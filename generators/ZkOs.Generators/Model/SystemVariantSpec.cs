// SPDX-License-Identifier: MIT
namespace ZkOs.Generators.Model;

/// <summary>One row of a <c>*.variants.csv</c>: a system variant and the component type of each column.</summary>
internal sealed record SystemVariantSpec(
    string Name,
    string Allocator,
    string Oracle,
    string Checks,
    string Results,
    string Summary,
    int Line);
