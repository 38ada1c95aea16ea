// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// Instructions that reach beyond the frame: storage, accounts, logs, calls, creates and the frame's
/// end. What an access costs (EIP-2929 warm and cold, SSTORE's EIP-2200 schedule, event prices) is the
/// system's to charge, since it depends on what the transaction touched; these handlers charge only
/// what the EVM itself prices (memory, copies, value transfers, forwarding). Split by concern across
/// HostInstructions.*.cs.
/// </summary>
[OpcodeHandlers("evm")]
public static unsafe partial class HostInstructions
{
    /// <summary>Charges dynamic gas from the spilled registers; false (out of ergs) when it does not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ChargeGas(EvmContext* ctx, ulong gas)
    {
        if (gas > (ulong)ctx->State.Ergs / Resources.ErgsPerGas)
        {
            ctx->State.Error = ExecutionError.OutOfErgs;
            return false;
        }
        ctx->State.Ergs -= (long)(gas * Resources.ErgsPerGas);
        return true;
    }

    /// <summary>Expands memory to cover a window, as every memory-reading instruction must before using it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Expand(EvmContext* ctx, in UInt256 offset, in UInt256 length) =>
        EvmMemoryOps.Expand(ctx, in offset, in length);

    private static ulong Words(ulong bytes) => (bytes + 31) / 32;
}
