// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>
/// Execution-environment type bytes, as stored in an account's versioning data
/// (reference/zksync-os.md §2.1, §4.3). Plugins take bytes from <see cref="FirstPlugin"/> up.
/// </summary>
public static class EeType
{
    /// <summary>No EE: externally owned accounts and the bootloader's own work.</summary>
    public const byte None = 0;
    public const byte Evm = 1;
    public const byte EraVm = 2;
    public const byte FirstPlugin = 3;
}
