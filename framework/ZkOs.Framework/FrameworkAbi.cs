// SPDX-License-Identifier: MIT
namespace ZkOs.Framework;

/// <summary>
/// The version of the contract between the host and execution-environment plugins. A plugin built
/// against another ABI version is refused at load time rather than failing later with a
/// <see cref="MissingMethodException"/> in the middle of a block.
/// </summary>
public static class FrameworkAbi
{
    /// <summary>Bumped on every breaking change to the types in <c>ZkOs.Framework.Execution</c>.</summary>
    public const int Version = 1;
}
