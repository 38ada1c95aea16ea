// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Harness;

/// <summary>
/// An assembled harness program: its bytecode (an odd number of 32-byte words), the pcs of its
/// <c>revert("...")</c> directives with their messages, and the storage-refund directives
/// (<c>set_storage_warm(n)</c>, <c>set_storage_cold()</c>) by the pc they take effect at.
/// </summary>
public sealed record HarnessProgram(
    byte[] Bytecode,
    IReadOnlyDictionary<ushort, string> Reverts,
    IReadOnlyList<(ushort Pc, uint Refund)> StorageRefunds);
