// SPDX-License-Identifier: MIT
namespace ZkOs.System.Variants;

/// <summary>
/// Where one block's run takes its buffers (the transaction buffer, preimages, bytecode): the allocator
/// of a system variant. Everything allocated lives until <see cref="Reset"/>, which the bootloader
/// calls before a block; nothing is freed one by one, as in the RISC-V guest.
/// </summary>
public interface IStfMemory : IDisposable
{
    /// <summary>A zeroed buffer of <paramref name="length"/> bytes, valid until the next <see cref="Reset"/>.</summary>
    /// <exception cref="ArenaExhaustedException">A fixed arena has no room left.</exception>
    Memory<byte> Allocate(int length);

    /// <summary>Gives everything allocated back.</summary>
    void Reset();

    /// <summary>The most bytes in use at once since the memory was created.</summary>
    long HighWaterMark { get; }
}
