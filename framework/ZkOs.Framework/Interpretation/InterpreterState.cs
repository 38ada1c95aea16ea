// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;

namespace ZkOs.Framework.Interpretation;

/// <summary>
/// The registers of a generated interpreter loop while it is not running. The loop keeps pc, sp, ergs
/// and native in locals (five loop-carried values at most, see reference/performance.md) and writes them
/// back here only when it leaves the loop or calls a handler that takes the frame context, so a handler
/// that charges dynamic costs or a preempted frame always sees them current.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct InterpreterState
{
    /// <summary>The next instruction to execute.</summary>
    public byte* Pc;

    /// <summary>The next free stack slot: the top element is <c>Sp[-1]</c>.</summary>
    public UInt256* Sp;

    /// <summary>Ergs left. A charge that makes it negative is out of ergs.</summary>
    public long Ergs;

    /// <summary>Native resource left. A charge that makes it negative is out of native.</summary>
    public long Native;

    /// <summary>Why the loop faulted; <see cref="ExecutionError.None"/> while it runs or after a clean halt.</summary>
    public ExecutionError Error;

    /// <summary>The active version (fork) as the integer value of the table's version enum.</summary>
    public int Version;

    /// <summary>Set in a static call: opcodes flagged <c>static_forbidden</c> fault.</summary>
    public bool IsStatic;

    /// <summary>
    /// Moves the registers' ergs and native into a <see cref="Resources"/>, leaving zero: what a handler
    /// hands the system for a request (which charges it), or a frame hands the runner when it yields.
    /// </summary>
    public Resources TakeResources()
    {
        var resources = new Resources(Ergs < 0 ? 0 : (ulong)Ergs, Native < 0 ? 0 : (ulong)Native);
        Ergs = 0;
        Native = 0;
        return resources;
    }

    /// <summary>Loads the registers from <paramref name="resources"/> (clamped to what a signed register holds).</summary>
    public void Restore(in Resources resources)
    {
        Ergs = Clamp(resources.Ergs);
        Native = Clamp(resources.Native);
    }

    /// <summary>
    /// Restores the registers after a system request and records its failure: false, with
    /// <see cref="Error"/> set, unless <paramref name="status"/> is <see cref="SystemStatus.Ok"/>.
    /// </summary>
    public bool GiveBack(in Resources resources, SystemStatus status)
    {
        Restore(resources);
        if (status == SystemStatus.Ok)
        {
            return true;
        }
        Error = status switch
        {
            SystemStatus.OutOfNative => ExecutionError.OutOfNative,
            SystemStatus.OutOfErgs => ExecutionError.OutOfErgs,
            SystemStatus.Refused => ExecutionError.StaticStateChange,
            _ => ExecutionError.InvalidOperand,
        };
        return false;
    }

    public static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
