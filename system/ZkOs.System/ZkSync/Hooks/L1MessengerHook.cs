// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;

namespace ZkOs.System.ZkSync.Hooks;

/// <summary>
/// The L1 messenger at 0x8008 (reference §4.8): <c>sendToL1(bytes)</c> sends the bytes as an L2→L1
/// message from the caller, emits <c>L1MessageSent(address indexed, bytes32 indexed, bytes)</c> and
/// returns keccak of the message. Strict ABI; not static; no value; no delegate or callcode.
/// </summary>
public sealed class L1MessengerHook : ISystemHook
{
    public const uint SendToL1Selector = 0x62f84b24;

    /// <summary>keccak("L1MessageSent(address,bytes32,bytes)").</summary>
    public static readonly UInt256 L1MessageSentTopic = UInt256.Parse("0x3a36e47291f4201faf137fab081d92295bce2d53be2c6ca68ba82c7faa9ce241");

    public ushort Address => 0x8008;

    public string Name => "L1 messenger";

    public bool Execute(in CallRequest request, byte callerEe, IoSubsystem io, ref Resources resources, IBufferWriter<byte> output)
    {
        var calldata = request.Calldata.Span;
        if (!HookCalls.ChargeStep(ref resources) || !HookCalls.IsPlainCall(request) || !UInt256.IsZero(request.Value)
            || !HookCalls.HasSelector(calldata, SendToL1Selector) || !HookCalls.TryReadBytes(calldata, headWords: 0, out var message))
        {
            return false;
        }
        if (io.EmitL1Message(callerEe, ref resources, request.Caller, message, out var hash) != SystemStatus.Ok)
        {
            return false;
        }
        Span<UInt256> topics = [L1MessageSentTopic, request.Caller.ToUInt256(), hash.ToUInt256()];
        if (io.EmitEvent(callerEe, ref resources, SystemAddresses.L1Messenger, topics, calldata[4..]) != SystemStatus.Ok)
        {
            return false;
        }
        hash.WriteTo(output.GetSpan(Bytes32.Size));
        output.Advance(Bytes32.Size);
        return true;
    }
}
