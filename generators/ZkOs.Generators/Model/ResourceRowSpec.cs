// SPDX-License-Identifier: MIT
namespace ZkOs.Generators.Model;

/// <summary>One named cost of a resources table.</summary>
/// <param name="Cost">The cost column as written, in the table's <see cref="CostUnit"/>.</param>
/// <param name="Ergs">The cost in ergs.</param>
internal sealed record ResourceRowSpec(string Name, long Cost, long Ergs, long Native, string Description, int Line);
