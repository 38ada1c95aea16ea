// SPDX-License-Identifier: MIT
namespace ZkOs.Generators.Model;

/// <summary>A member of an interpreter's versions enum.</summary>
internal sealed record VersionSpec(string Name, long Value);
