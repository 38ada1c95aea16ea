// SPDX-License-Identifier: MIT
namespace ZkOs.System.Variants;

/// <summary>
/// Proving allocator: one fixed <see cref="Arena"/> sized like the RISC-V guest's memory (reference §4.7:
/// a 128 MiB heap arena, a 128 MiB return-data arena and the 8 MiB transaction buffer).
/// </summary>
public readonly struct ArenaAllocator : IAllocatorComponent
{
    /// <summary>The guest's heap, return-data and transaction regions together.</summary>
    public const long GuestMemoryBytes = (128L << 20) + (128L << 20) + (8L << 20) + 1252;

    public static IStfMemory CreateMemory() => new Arena(GuestMemoryBytes);
}
