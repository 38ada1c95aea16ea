// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Buffers.Binary;
using ZkOs.Framework.Execution;
using ZkOs.System.Io;

namespace ZkOs.System.ZkSync.Hooks;

/// <summary>
/// The base token at 0x800a (reference §4.8): <c>withdraw(address)</c> burns the value the call brought
/// and sends L1 the message <c>0x6c0960f9 ‖ receiver ‖ amount</c>; <c>withdrawWithMessage(address, bytes)</c>
/// appends the sender and the caller's data. Not static; no delegate or callcode.
/// </summary>
public sealed class BaseTokenHook : ISystemHook
{
    public const uint WithdrawSelector = 0x51cff8d9;
    public const uint WithdrawWithMessageSelector = 0x84bc3eb0;

    /// <summary>L1's <c>finalizeEthWithdrawal</c> selector, which starts every withdrawal message.</summary>
    public const uint FinalizeEthWithdrawalSelector = 0x6c0960f9;

    // A withdrawal message up to this size is built on the stack (the plain withdrawal is 56 bytes).
    private const int MaxStackMessage = 256;

    public ushort Address => 0x800a;

    public string Name => "base token";

    public bool Execute(in CallRequest request, byte callerEe, IoSubsystem io, ref Resources resources, IBufferWriter<byte> output)
    {
        var calldata = request.Calldata.Span;
        if (!HookCalls.ChargeStep(ref resources) || !HookCalls.IsPlainCall(request) || calldata.Length < 36
            || !HookCalls.TryReadAddress(calldata.Slice(4, 32), out var receiver))
        {
            return false;
        }
        ReadOnlySpan<byte> extra;
        if (HookCalls.HasSelector(calldata, WithdrawSelector) && calldata.Length == 36)
        {
            extra = default;
        }
        else if (!HookCalls.HasSelector(calldata, WithdrawWithMessageSelector) || !HookCalls.TryReadBytes(calldata, headWords: 1, out extra))
        {
            return false;
        }

        // The call moved the value to this address: withdrawing burns it here.
        var amount = request.Value;
        if (!io.TrySubtractBalance(SystemAddresses.BaseToken, amount))
        {
            return false;
        }
        var length = 4 + 20 + 32 + (extra.IsEmpty && HookCalls.HasSelector(calldata, WithdrawSelector) ? 0 : 20 + extra.Length);
        // On the stack unless the extra message is long: the IO subsystem copies what it keeps.
        Span<byte> message = length <= MaxStackMessage ? stackalloc byte[MaxStackMessage] : new byte[length];
        message = message[..length];
        BinaryPrimitives.WriteUInt32BigEndian(message, FinalizeEthWithdrawalSelector);
        receiver.WriteTo(message.Slice(4, 20));
        amount.WriteBigEndian(message.Slice(24, 32));
        if (length > 56)
        {
            request.Caller.WriteTo(message.Slice(56, 20));
            extra.CopyTo(message[76..]);
        }
        return io.EmitL1Message(callerEe, ref resources, SystemAddresses.BaseToken, message, out _) == SystemStatus.Ok;
    }
}
