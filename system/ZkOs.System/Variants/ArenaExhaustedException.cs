// SPDX-License-Identifier: MIT
namespace ZkOs.System.Variants;

/// <summary>
/// A run asked a fixed arena for more than it holds. The block fails, as the RISC-V guest's allocator
/// panics; nothing already allocated is touched.
/// </summary>
public sealed class ArenaExhaustedException(long requested, long inUse, long capacity)
    : Exception($"the arena is exhausted: {requested} bytes requested with {inUse} of {capacity} in use")
{
    public long Requested { get; } = requested;
}
