// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm;

/// <summary>
/// Memory expansion and copy pricing for <see cref="EvmMemory"/>. Charges come out of the spilled
/// registers in <c>ctx-&gt;State</c>, so these are called from handlers that take the context; on a
/// shortfall they set <c>State.Error</c> and return false, and the handler returns false in turn.
/// Nothing here allocates managed memory.
/// </summary>
public static unsafe class EvmMemoryOps
{
    /// <summary>
    /// The largest end (offset + length) of a memory window: u32::MAX − 31, zksync-os's heap limit
    /// (reference/zksync-os.md §2.3). The largest window end rounded up to a word is then 2^32 − 32,
    /// so every size and word count below fits comfortably in 64 bits.
    /// </summary>
    public const ulong MaxEnd = uint.MaxValue - 31;

    /// <summary>The quadratic divisor of the memory cost 3w + w²/512 (Yellow Paper C_mem).</summary>
    private const ulong QuadraticDivisor = 512;

    /// <summary>The first buffer: small contracts never reallocate.</summary>
    private const ulong InitialCapacity = 4096;

    /// <summary>
    /// Makes <c>[offset, offset + length)</c> addressable, charging the expansion. A zero length
    /// touches nothing, whatever the offset. False (with the error set) when the window ends past
    /// <see cref="MaxEnd"/> (<see cref="ExecutionError.MemoryLimit"/>) or the expansion cannot be paid.
    /// On success both values fit in 32 bits, so callers may read <c>U0</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Expand(EvmContext* ctx, in UInt256 offset, in UInt256 length)
    {
        if ((length.U0 | length.U1 | length.U2 | length.U3) == 0)
        {
            return true;
        }
        if ((offset.U1 | offset.U2 | offset.U3 | length.U1 | length.U2 | length.U3) != 0)
        {
            return Fail(ctx, ExecutionError.MemoryLimit);
        }
        return Expand(ctx, offset.U0, length.U0);
    }

    /// <summary>
    /// <see cref="Expand(EvmContext*, in UInt256, in UInt256)"/> for a length the instruction fixes
    /// (32 for MLOAD and MSTORE, 1 for MSTORE8).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Expand(EvmContext* ctx, in UInt256 offset, ulong length)
    {
        if (length == 0)
        {
            return true;
        }
        if ((offset.U1 | offset.U2 | offset.U3) != 0)
        {
            return Fail(ctx, ExecutionError.MemoryLimit);
        }
        return Expand(ctx, offset.U0, length);
    }

    /// <summary>
    /// <see cref="Expand(EvmContext*, in UInt256, in UInt256)"/> for offsets already narrowed to 64 bits.
    /// The common case (a window inside the current memory) is decided inline; growth is out of line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Expand(EvmContext* ctx, ulong offset, ulong length)
    {
        // Both below 2^32: the sum cannot wrap, and any end inside Size is inside the limit too.
        if (length == 0 || ((offset | length) <= uint.MaxValue && offset + length <= ctx->Memory.Size))
        {
            return true;
        }
        return Grow(ctx, offset, length);
    }

    /// <summary>
    /// Charges the copy of <paramref name="length"/> bytes: 3 gas per word (Yellow Paper G_copy) and
    /// 80 + 1 per byte native (zksync-os charges the base even for an empty copy). Call it after the
    /// window was expanded, which bounds the length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ChargeCopy(EvmContext* ctx, ulong length)
    {
        if (length > MaxEnd)
        {
            // Only reachable if the caller skipped the expansion: no frame can pay for it anyway.
            return Fail(ctx, ExecutionError.OutOfErgs);
        }
        var words = (long)((length + 31) >> 5);
        if ((ctx->State.Ergs -= words * EvmInterpreter.Costs.CopyWordErgs) < 0)
        {
            return Fail(ctx, ExecutionError.OutOfErgs);
        }
        if ((ctx->State.Native -= EvmInterpreter.Costs.CopyBaseNative + (long)length * EvmInterpreter.Costs.CopyByteNative) < 0)
        {
            return Fail(ctx, ExecutionError.OutOfNative);
        }
        return true;
    }

    /// <summary>
    /// Copies <c>source[offset .. offset + length)</c> to <paramref name="destination"/>, with zeros for
    /// whatever lies past the source's end (CALLDATACOPY, CODECOPY, EXTCODECOPY). An offset beyond the
    /// source, however large, copies only zeros.
    /// </summary>
    public static void CopyZeroFilled(byte* destination, ulong length, byte* source, ulong sourceLength, in UInt256 offset)
    {
        ulong copied = 0;
        if ((offset.U1 | offset.U2 | offset.U3) == 0 && offset.U0 < sourceLength)
        {
            copied = Math.Min(length, sourceLength - offset.U0);
            Buffer.MemoryCopy(source + offset.U0, destination, copied, copied);
        }
        if (copied < length)
        {
            NativeMemory.Clear(destination + copied, (nuint)(length - copied));
        }
    }

    /// <summary>Empties the memory for a new activation, keeping the buffer for reuse.</summary>
    public static void Reset(ref EvmMemory memory) => memory.Size = 0;

    /// <summary>Releases the buffer.</summary>
    public static void Free(ref EvmMemory memory)
    {
        NativeMemory.Free(memory.Data);
        memory.Data = null;
        memory.Size = 0;
        memory.Capacity = 0;
    }

    /// <summary>The memory cost of <paramref name="words"/> words in gas: 3w + w²/512 (Yellow Paper C_mem).</summary>
    public static ulong CostInGas(ulong words) =>
        words * (ulong)(EvmInterpreter.Costs.MemoryWordErgs / (long)Resources.ErgsPerGas) + words * words / QuadraticDivisor;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Grow(EvmContext* ctx, ulong offset, ulong length)
    {
        if (offset > MaxEnd || length > MaxEnd || offset + length > MaxEnd)
        {
            return Fail(ctx, ExecutionError.MemoryLimit);
        }
        ref var memory = ref ctx->Memory;
        var end = offset + length;
        if (end <= memory.Size)
        {
            return true;
        }

        var newSize = (end + 31) & ~31UL;
        // The gas is the difference of the two costs, each floored in gas before the conversion to
        // ergs, exactly as Ethereum rounds it. At most 2^27 words: no overflow in 64 bits.
        var gas = CostInGas(newSize >> 5) - CostInGas(memory.Size >> 5);
        if ((ctx->State.Ergs -= (long)(gas * Resources.ErgsPerGas)) < 0)
        {
            return Fail(ctx, ExecutionError.OutOfErgs);
        }
        var added = newSize - memory.Size;
        if ((ctx->State.Native -= EvmInterpreter.Costs.HeapExpansionBaseNative + (long)added * EvmInterpreter.Costs.HeapExpansionByteNative) < 0)
        {
            return Fail(ctx, ExecutionError.OutOfNative);
        }

        if (newSize > memory.Capacity)
        {
            // Doubling keeps a frame that grows word by word at O(n) total copying.
            var capacity = Math.Max(newSize, Math.Max(memory.Capacity * 2, InitialCapacity));
            memory.Data = (byte*)NativeMemory.Realloc(memory.Data, (nuint)capacity);
            memory.Capacity = capacity;
        }
        // The buffer is reused across activations, so what lies past Size may be stale: EVM memory reads as zero.
        NativeMemory.Clear(memory.Data + memory.Size, (nuint)added);
        memory.Size = newSize;
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Fail(EvmContext* ctx, ExecutionError error)
    {
        ctx->State.Error = error;
        return false;
    }
}
