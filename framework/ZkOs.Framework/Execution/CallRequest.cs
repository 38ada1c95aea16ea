// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Execution;

/// <summary>
/// A frame asks the runner to call another account. The frame hands over <b>all</b> its resources in
/// <see cref="AvailableResources"/>; the caller's EE decides through
/// <see cref="IExecutionEnvironment.TakeForwardedResources"/> how many ergs the callee gets, and the rest
/// comes back with the result in <see cref="IExecutionFrame.ContinueAfterCall"/>.
/// </summary>
public readonly struct CallRequest
{
    /// <summary>The requesting frame's own address.</summary>
    public Address Caller { get; init; }

    /// <summary>The account whose code runs. Under a delegate or callcode modifier it runs as <see cref="Caller"/>.</summary>
    public Address Callee { get; init; }

    /// <summary>The caller's own caller: <c>msg.sender</c> of a delegate call.</summary>
    public Address CallersCaller { get; init; }

    public CallModifier Modifier { get; init; }

    /// <summary>The nominal token value to transfer (ignored by modifiers that do not transfer, see <see cref="CallModifierExtensions.AllowsValueTransfer"/>).</summary>
    public UInt256 Value { get; init; }

    /// <summary>Input for the callee. Valid until the requesting frame is continued.</summary>
    public ReadOnlyMemory<byte> Calldata { get; init; }

    /// <summary>
    /// The extra ABI words of a ZKsync system call (<see cref="CallModifier.ZkVmSystem"/>: EraVM's r3..r12,
    /// where EventWriter, the MsgValueSimulator and the deployer take their arguments); empty otherwise.
    /// Valid until the requesting frame is continued.
    /// </summary>
    public ReadOnlyMemory<UInt256> ExtraAbi { get; init; }

    /// <summary>The ergs the frame asked to pass (EVM: the gas argument times 256, saturated).</summary>
    public ulong ErgsRequested { get; init; }

    /// <summary>
    /// Ergs the callee receives on top of what is forwarded, not taken from the caller (the EVM's
    /// 2,300-gas stipend for a call with value).
    /// </summary>
    public ulong ErgsStipend { get; init; }

    /// <summary>Everything the frame held when it yielded.</summary>
    public Resources AvailableResources { get; init; }
}
