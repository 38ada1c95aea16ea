// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Samples.StackVm.Handlers;

/// <summary>
/// Instructions that read the frame or reach the system: storage and events go through
/// <see cref="ISystem"/>, which charges what the system's rules say on top of the table's static cost.
/// CALL is a preemption point: the handler records the request and the loop yields to the runner.
/// </summary>
[OpcodeHandlers("stackvm")]
public static unsafe class EnvironmentHandlers
{
    public static void Caller(StackVmContext* ctx, UInt256* s) => s[0] = StackVmFrame.From(ctx).Launch.Caller.ToUInt256();

    public static void Address(StackVmContext* ctx, UInt256* s) => s[0] = StackVmFrame.From(ctx).Launch.This.ToUInt256();

    public static void CallValue(StackVmContext* ctx, UInt256* s) => s[0] = StackVmFrame.From(ctx).Launch.Value;

    /// <summary>The frame's argument: its calldata read as a big-endian number.</summary>
    public static void Argument(StackVmContext* ctx, UInt256* s) => s[0] = StackVmFrame.From(ctx).Argument;

    /// <summary>Ergs left after this instruction's own charge.</summary>
    public static void ErgsLeft(StackVmContext* ctx, UInt256* s) => s[0] = new UInt256((ulong)ctx->State.Ergs);

    /// <summary>Loads the storage slot named by the top word.</summary>
    public static bool StorageLoad(StackVmContext* ctx, UInt256* s)
    {
        var frame = StackVmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.ReadStorage(StackVmEnvironment.TypeByte, ref resources, frame.Launch.This, in s[0], out s[0]);
        return frame.GiveBack(resources, status);
    }

    /// <summary>Stores the word below the top into the slot named by the top word.</summary>
    public static bool StorageStore(StackVmContext* ctx, UInt256* s)
    {
        var frame = StackVmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.WriteStorage(StackVmEnvironment.TypeByte, ref resources, frame.Launch.This, in s[1], in s[0]);
        return frame.GiveBack(resources, status);
    }

    /// <summary>Emits an event with the top word as its one topic and the word below as 32 bytes of data.</summary>
    public static bool Log(StackVmContext* ctx, UInt256* s)
    {
        var frame = StackVmFrame.From(ctx);
        Span<byte> data = stackalloc byte[32];
        s[0].WriteBigEndian(data);
        var resources = frame.TakeResources();
        var status = frame.System.EmitEvent(
            StackVmEnvironment.TypeByte, ref resources, frame.Launch.This, new ReadOnlySpan<UInt256>(s + 1, 1), data);
        return frame.GiveBack(resources, status);
    }

    /// <summary>
    /// Calls the address in the word below the top, passing the top word as 32 bytes of calldata and at
    /// most the ergs in the third word. When the frame resumes, the callee's first return word and a
    /// success flag (on top) replace the inputs.
    /// </summary>
    public static void Call(StackVmContext* ctx, UInt256* s) =>
        StackVmFrame.From(ctx).RecordCall(ergs: in s[0], callee: in s[1], argument: in s[2]);
}
