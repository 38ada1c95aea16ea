// SPDX-License-Identifier: MIT
namespace ZkOs.Cli.Commands;

/// <summary>What <c>zkos statetest</c> was asked to do (see <see cref="StateTestCommand"/>).</summary>
/// <param name="Paths">Files, or directories searched recursively for *.json.</param>
/// <param name="Fork">The fork whose <c>post</c> entries become cases.</param>
/// <param name="Filter">Only cases whose name contains this; null for all.</param>
/// <param name="Trace">Cases whose name contains this are traced (EIP-3155, stderr); null for none.</param>
/// <param name="Timing">Print every file's execution time.</param>
/// <param name="Json">JSON lines instead of text.</param>
/// <param name="List">List the cases instead of running them.</param>
internal sealed record StateTestOptions(
    IReadOnlyList<string> Paths, string Fork, string? Filter, string? Trace, bool Timing, bool Json, bool List);
