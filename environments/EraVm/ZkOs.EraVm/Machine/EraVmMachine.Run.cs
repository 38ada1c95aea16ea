// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Encoding;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Machine;

/// <summary>Starting the root frame and the dispatch loop.</summary>
public sealed partial class EraVmMachine
{
    /// <summary>The root frame's fixed pages (the bootloader's, eravm.md §1): calldata 7, code 8, stack 9, heap 10, aux 11.</summary>
    public const uint RootCalldataPage = 7;
    public const uint RootCodePage = 8;
    public const uint RootHeapPage = 10;
    public const uint RootAuxHeapPage = 11;

    /// <summary>State for an <see cref="IEraVmTracer"/> (its methods are static).</summary>
    public object? TraceState { get; set; }

    /// <summary>Forgets the journal and the decommit record: a new batch.</summary>
    public void ResetWorld() => World.Clear();

    /// <summary>Prepares the root frame (eravm.md §3 "What the callee sees"): r1 = calldata pointer, r2 = call flags.</summary>
    public void Start(in RootLaunch launch)
    {
        ReleasePages();
        _depth = 0;
        var frame = RentFrame();
        _depth = 1;
        Current = frame;
        frame.Program = launch.Program;
        frame.CodePage = RootCodePage;
        frame.HeapPage = RootHeapPage;
        frame.AuxHeapPage = RootAuxHeapPage;
        frame.CalldataPage = RootCalldataPage;
        frame.This = launch.This;
        frame.Caller = launch.Caller;
        frame.CodeAddress = launch.CodeAddress ?? launch.This;
        frame.ContextU128 = launch.ContextU128;
        frame.IsStatic = launch.IsStatic;
        frame.IsKernel = IsKernelAddress(launch.This);
        frame.HeapBound = frame.AuxHeapBound = launch.HeapBound ?? (frame.IsKernel ? KernelHeapStipend : UserHeapStipend);
        frame.Ergs = launch.Ergs;
        frame.ExceptionHandler = 0;
        frame.Snapshot = World.Snapshot();
        Page(RootCalldataPage).Fill(launch.Calldata.Span);

        Array.Clear(Registers);
        PointerFlags = 0;
        SetRegister(1, new FatPointer(0, RootCalldataPage, 0, (uint)launch.Calldata.Length).ToWord(), true);
        SetRegister(2, launch.CallFlags, false);
        var extra = launch.ExtraAbi.Span;
        for (var i = 0; i < extra.Length && i < ExtraAbiRegisters; i++)
        {
            SetRegister(3 + i, extra[i], false);
        }
        SetFlags(false, false, false);
        PendingContextU128 = default;
        ReturnData = default;
        Cycles = 0;
        Status = MachineStatus.Running;
    }

    /// <summary>The registers a system far call carries its extra ABI words in: r3..r12.</summary>
    public const int ExtraAbiRegisters = 10;

    /// <summary>
    /// Runs until the root frame ends, a far call leaves the machine, or <paramref name="cycleLimit"/>
    /// instructions have run in total. Invalid bytecode panics its frame; nothing here throws. A machine
    /// waiting for <see cref="CompleteExternalCall"/>, or whose root has ended, does not move.
    /// </summary>
    public MachineStatus Run(long cycleLimit = long.MaxValue) => Run<NoEraVmTracer>(cycleLimit);

    /// <summary>The same loop with a tracing hook before every instruction.</summary>
    public MachineStatus Run<TTracer>(long cycleLimit = long.MaxValue)
        where TTracer : struct, IEraVmTracer
    {
        if (Status is not (MachineStatus.Running or MachineStatus.CycleLimit))
        {
            return Status;
        }
        Status = MachineStatus.Running;
        while (Status == MachineStatus.Running)
        {
            if (Cycles >= cycleLimit)
            {
                Status = MachineStatus.CycleLimit;
                break;
            }
            Cycles++;
            if (TTracer.IsActive)
            {
                TTracer.BeforeInstruction(this);
            }
            var frame = Current;
            var program = frame.Program;
            ref readonly var ins = ref program.Instructions[frame.Pc < program.Count ? frame.Pc : program.Count];

            // vm2's boilerplate: the static price first (a shortfall is a panic with 0 ergs), then the mode
            // rules (a free panic), then the predicate (a false one is a nop that still paid).
            if (frame.Ergs < ins.Ergs)
            {
                frame.Ergs = 0;
                Panic();
                continue;
            }
            frame.Ergs -= ins.Ergs;
            if (ins.Rules != InstructionRules.None
                && (((ins.Rules & InstructionRules.KernelOnly) != 0 && !frame.IsKernel)
                    || ((ins.Rules & InstructionRules.ForbiddenInStatic) != 0 && frame.IsStatic)))
            {
                Panic();
                continue;
            }
            if (!Satisfied(ins.Predicate))
            {
                frame.Pc++;
                continue;
            }
            var dst1 = ins.Dst1;
            RegistersWritten = 0;
            frame.Pc++;
            unsafe
            {
                ins.Handler(this, in ins);
            }
            if (dst1 != 0 && (RegistersWritten & (1 << dst1)) == 0)
            {
                SetRegister(dst1, UInt256.Zero, false);
            }
        }
        return Status;
    }

    /// <summary>
    /// For each predicate, the set of flag states (bit n = flags value n, see <see cref="FlagBits"/>) in
    /// which it holds: always; gt; lt; eq; ge = gt|eq; le = lt|eq; ne = !eq; gt_or_lt = gt|lt.
    /// </summary>
    private static ReadOnlySpan<byte> PredicateMasks => [0xFF, 0xF0, 0xAA, 0xCC, 0xFC, 0xEE, 0x33, 0xFA];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool Satisfied(Predicate predicate) => ((PredicateMasks[(int)predicate & 7] >> FlagBits) & 1) != 0;
}
