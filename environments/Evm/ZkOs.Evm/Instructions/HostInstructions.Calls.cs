// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// CALL, CALLCODE, DELEGATECALL, STATICCALL. Each pays for its memory windows, the callee's access
/// (EIP-2929), a value transfer (9,000 gas, plus 25,000 to bring an empty account to life), works out
/// the ergs to forward (EIP-150: all but one 64th), and yields the request to the runner. The result
/// slot is filled when the frame is continued.
/// </summary>
public static unsafe partial class HostInstructions
{
    /// <summary>Gas on top, then address, value, argument offset and length, return offset and length.</summary>
    public static bool Call(EvmContext* ctx, UInt256* s)
    {
        var hasValue = !UInt256.IsZero(in s[4]);
        if (hasValue && ctx->State.IsStatic)
        {
            ctx->State.Error = ExecutionError.StaticStateChange;
            return false;
        }
        return PrepareCall(ctx, in s[6], in s[5], in s[4], in s[3], in s[2], in s[1], in s[0], CallModifier.NoModifier);
    }

    /// <summary>Like CALL, but the callee's code runs in this account; the value moves from the account to itself.</summary>
    public static bool CallCode(EvmContext* ctx, UInt256* s) =>
        PrepareCall(ctx, in s[6], in s[5], in s[4], in s[3], in s[2], in s[1], in s[0], CallModifier.EvmCallcode);

    /// <summary>Gas on top, then address, argument offset and length, return offset and length.</summary>
    public static bool DelegateCall(EvmContext* ctx, UInt256* s) =>
        PrepareCall(ctx, in s[5], in s[4], UInt256.Zero, in s[3], in s[2], in s[1], in s[0], CallModifier.Delegate);

    public static bool StaticCall(EvmContext* ctx, UInt256* s) =>
        PrepareCall(ctx, in s[5], in s[4], UInt256.Zero, in s[3], in s[2], in s[1], in s[0], CallModifier.Static);

    private static bool PrepareCall(
        EvmContext* ctx, in UInt256 gas, in UInt256 target, in UInt256 value,
        in UInt256 argsOffset, in UInt256 argsLength, in UInt256 returnOffset, in UInt256 returnLength,
        CallModifier modifier)
    {
        if (!Expand(ctx, in argsOffset, in argsLength) || !Expand(ctx, in returnOffset, in returnLength))
        {
            return false;
        }
        var frame = EvmFrame.From(ctx);
        var callee = EvmFrame.ToAddress(in target);
        var resources = frame.TakeResources();
        var status = frame.System.AccessAccount(EeType.Evm, ref resources, callee, out var calleeIsEmpty);
        if (!frame.GiveBack(resources, status))
        {
            return false;
        }

        var transfersValue = !UInt256.IsZero(in value) && modifier is CallModifier.NoModifier or CallModifier.EvmCallcode;
        if (transfersValue)
        {
            var extra = EvmInterpreter.Costs.CallValueTransferErgs / (long)Resources.ErgsPerGas;
            if (modifier == CallModifier.NoModifier && calleeIsEmpty)
            {
                extra += EvmInterpreter.Costs.NewAccountErgs / (long)Resources.ErgsPerGas;
            }
            if (!ChargeGas(ctx, (ulong)extra))
            {
                return false;
            }
        }

        var requested = UInt256.FitsInUlong(in gas) && gas.U0 <= ulong.MaxValue / Resources.ErgsPerGas
            ? gas.U0 * Resources.ErgsPerGas
            : ulong.MaxValue;
        var launch = frame.Launch;
        var delegates = modifier == CallModifier.Delegate;
        frame.RecordCall(
            new CallRequest
            {
                Caller = launch.This,
                Callee = callee,
                CallersCaller = launch.Caller,
                Modifier = modifier,
                // A delegate call keeps the caller's msg.value (never transferred).
                Value = delegates ? launch.Value : value,
                Calldata = frame.MemorySlice(argsOffset.U0, UInt256.IsZero(in argsLength) ? 0 : argsLength.U0),
                ErgsRequested = Math.Min(requested, EvmEnvironment.AllButOne64th((ulong)ctx->State.Ergs)),
                ErgsStipend = transfersValue ? (ulong)EvmInterpreter.Costs.CallStipendErgs : 0,
            },
            returnOffset: UInt256.IsZero(in returnLength) ? 0 : returnOffset.U0,
            returnLength: UInt256.IsZero(in returnLength) ? 0 : returnLength.U0);
        return true;
    }
}
