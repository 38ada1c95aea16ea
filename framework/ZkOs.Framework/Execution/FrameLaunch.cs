// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Execution;

/// <summary>Everything a frame needs to start, prepared by the runner.</summary>
public readonly struct FrameLaunch
{
    /// <summary>The account the frame runs as (<c>ADDRESS</c>): the caller's own address under delegate or callcode.</summary>
    public Address This { get; init; }

    /// <summary><c>msg.sender</c>.</summary>
    public Address Caller { get; init; }

    /// <summary>The account the code came from (differs from <see cref="This"/> under delegate and callcode).</summary>
    public Address CodeAddress { get; init; }

    public UInt256 Value { get; init; }

    public ReadOnlyMemory<byte> Calldata { get; init; }

    /// <summary>The extra ABI words of a system call (<see cref="CallRequest.ExtraAbi"/>); empty otherwise.</summary>
    public ReadOnlyMemory<UInt256> ExtraAbi { get; init; }

    /// <summary>The code to run (the init code for a constructor).</summary>
    public ReadOnlyMemory<byte> Bytecode { get; init; }

    public CallModifier Modifier { get; init; }

    /// <summary>True when this frame or any frame below it is static: no state may change.</summary>
    public bool IsStatic { get; init; }

    /// <summary>The resources passed to the frame, all of the transaction's native included.</summary>
    public Resources Resources { get; init; }

    /// <summary>The frame's depth in the call stack: 0 for the transaction's entry frame.</summary>
    public int Depth { get; init; }

    public bool IsConstructor => Modifier == CallModifier.Constructor;
}
