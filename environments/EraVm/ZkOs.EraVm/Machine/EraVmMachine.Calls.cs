// SPDX-License-Identifier: MIT
using ZkOs.EraVm.World;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Machine;

/// <summary>Near calls, far calls and returns (eravm.md §3).</summary>
public sealed partial class EraVmMachine
{
    /// <summary>
    /// What a system call to the MsgValueSimulator (0x8009) must pass on top of the 63/64 share (14,500 +
    /// decommit of 100 kB): taken from the caller even beyond 63/64, and like any passed ergs its unused
    /// part comes back.
    /// </summary>
    public const uint MsgValueSimulatorStipend = 27_000;

    /// <summary>
    /// Ergs an EVM-emulator frame gets for free (zk_evm's EVM_SIMULATOR_STIPEND): not taken from the
    /// caller, and subtracted from what the frame gives back.
    /// </summary>
    public const uint EvmEmulatorStipend = 1u << 30;

    private static readonly Address MsgValueSimulator = Address.FromUInt64(0x8009);

    private ushort _externalHandler;
    private WorldSnapshot _externalSnapshot;

    /// <summary>
    /// A panic raised by an instruction's logic or its checks: <c>ret.panic</c> from the current frame,
    /// at no extra cost (vm2's free panic). Ergs are burned only where the caller already zeroed them.
    /// </summary>
    internal void Panic() => Return(ReturnKind.Panic, default, false, false, 0);

    /// <summary>
    /// Near frames one far frame may stack. zk_evm's own limit (over 2^27) is never reached on Era, but
    /// a kernel root with u32::MAX ergs could stack 170 million 25-erg near calls, gigabytes of host
    /// memory; past this depth (128 MiB of frames) the call panics instead. The one intentional
    /// divergence from EraVM here, unreachable by a frame holding fewer than 100 million ergs.
    /// </summary>
    public const int MaxNearCallDepth = 1 << 22;

    internal void NearCall(uint ergsRequested, ushort target, ushort handler)
    {
        var frame = Current;
        if (frame.NearCalls.Count >= MaxNearCallDepth)
        {
            Panic();
            return;
        }
        var passed = ergsRequested == 0 ? frame.Ergs : Math.Min(ergsRequested, frame.Ergs);
        frame.NearCalls.Add(new NearCallFrame
        {
            ReturnPc = frame.Pc,
            ExceptionHandler = handler,
            Sp = frame.Sp,
            CallerErgs = frame.Ergs - passed,
            Snapshot = World.Snapshot(),
        });
        frame.Ergs = passed;
        frame.Pc = target;
        SetFlags(false, false, false);
    }

    /// <summary><c>ret</c>, <c>revert</c> and <c>panic</c>, near or far.</summary>
    internal void Return(ReturnKind kind, in UInt256 abi, bool abiIsPointer, bool toLabel, ushort label)
    {
        var frame = Current;
        var leftover = frame.Ergs;
        if (frame.NearCalls.Count > 0)
        {
            var near = frame.NearCalls[^1];
            frame.NearCalls.RemoveAt(frame.NearCalls.Count - 1);
            frame.Pc = toLabel ? label : kind != ReturnKind.Ok ? near.ExceptionHandler : near.ReturnPc;
            frame.Sp = near.Sp;
            frame.Ergs = SaturatingAdd(near.CallerErgs, leftover);
            if (kind != ReturnKind.Ok)
            {
                World.Rollback(Host, near.Snapshot);
            }
            SetFlags(kind == ReturnKind.Panic, false, false);
            return;
        }

        var returnData = default(FatPointer);
        if (kind == ReturnKind.Panic)
        {
            ChargeOverflowingPanicAbi(abi);
        }
        else
        {
            // A non-kernel frame may not hand back its own calldata or any page older than its own
            // (eravm.md §3 "Returns"; zk_evm compares page ids, which only grow).
            if (!TryFormPointer(abi, abiIsPointer, out returnData)
                || (!frame.IsKernel && (returnData.Page == frame.CalldataPage || (IsForwarded(abi) && returnData.Page < frame.CodePage))))
            {
                kind = ReturnKind.Panic;
            }
        }
        leftover = frame.Ergs;

        if (_depth == 1)
        {
            // The root is not rolled back: its host decides what a failed run means (vm2 does the same).
            RootErgsLeft = leftover;
            ReturnData = kind == ReturnKind.Panic ? default : ReadPointer(returnData, ref _returnBuffer);
            Status = kind switch
            {
                ReturnKind.Ok => MachineStatus.Returned,
                ReturnKind.Revert => MachineStatus.Reverted,
                _ => MachineStatus.Panicked,
            };
            frame.Pc = ushort.MaxValue;
            return;
        }

        _depth--;
        var caller = _framePool[_depth - 1];
        Current = caller;
        caller.Ergs = SaturatingAdd(caller.Ergs, leftover > frame.Stipend ? leftover - frame.Stipend : 0);
        PendingContextU128 = default;
        Array.Clear(Registers);
        PointerFlags = 0;
        if (kind != ReturnKind.Panic)
        {
            Registers[1] = returnData.ToWord();
        }
        PointerFlags = 2;
        if (kind != ReturnKind.Ok)
        {
            caller.Pc = frame.ExceptionHandler;
            World.Rollback(Host, frame.Snapshot);
        }
        RegistersWritten = AllRegisters;
        SetFlags(kind == ReturnKind.Panic, false, false);
    }

    /// <summary>
    /// A far <c>ret.panic</c> forms no return pointer, but when its ABI asks for a new pointer whose
    /// start + length overflows u32, zk_evm still grows the bound to u32::MAX and charges for it (vm2's
    /// divergence regressions): such a panic burns what the growth costs.
    /// </summary>
    private void ChargeOverflowingPanicAbi(in UInt256 abi)
    {
        var pointer = FatPointer.From(abi);
        var mode = (byte)(abi.U3 >> 32);
        if (mode == 1 || (ulong)pointer.Start + pointer.Length <= uint.MaxValue)
        {
            return;
        }
        var frame = Current;
        if (mode == 2)
        {
            GrowBound(ref frame.AuxHeapBound, uint.MaxValue);
        }
        else
        {
            GrowBound(ref frame.HeapBound, uint.MaxValue);
        }
    }

    /// <summary>
    /// Forms the calldata or returndata pointer of an ABI word (eravm.md §3 step 3): forwarding mode 1
    /// narrows a tagged pointer; modes 0 and 2 make a new one on the heap or aux heap, paying to grow its
    /// bound (charged even when the pointer is then refused, as in vm2).
    /// </summary>
    internal bool TryFormPointer(in UInt256 abi, bool isPointer, out FatPointer pointer)
    {
        pointer = FatPointer.From(abi);
        var mode = (byte)(abi.U3 >> 32);
        var frame = Current;
        if (mode == 1)
        {
            if (!isPointer || pointer.Offset > pointer.Length)
            {
                return false;
            }
            pointer.Narrow();
            return true;
        }
        if (isPointer || pointer.Offset != 0)
        {
            return false;
        }
        var end = (ulong)pointer.Start + pointer.Length;
        var bound = end > uint.MaxValue ? uint.MaxValue : (uint)end;
        if (mode == 2)
        {
            pointer.Page = frame.AuxHeapPage;
            return GrowBound(ref frame.AuxHeapBound, bound);
        }
        pointer.Page = frame.HeapPage;
        return GrowBound(ref frame.HeapBound, bound);
    }

    /// <summary>
    /// <c>far_call</c> (eravm.md §3). Every failure before the new frame becomes a panic of the new frame,
    /// so the caller's handler sees it as a callee panic.
    /// </summary>
    internal void FarCall(ExternalCallKind kind, bool isStaticCall, bool isShardCall, in UInt256 abi, bool abiIsPointer, in UInt256 destination, ushort handler)
    {
        var frame = Current;
        var callee = Address.FromUInt256(destination);
        var ergsToPass = (uint)abi.U3;
        var shard = (byte)(abi.U3 >> 40);
        var isConstructor = (byte)(abi.U3 >> 48) != 0 && frame.IsKernel;
        var isSystem = (byte)(abi.U3 >> 56) != 0 && IsKernelAddress(callee);
        var mandated = isSystem && callee == MsgValueSimulator ? MsgValueSimulatorStipend : 0u;

        // A call to a non-zero shard fails before the deployer's storage is even read.
        var shardFails = isShardCall && shard != 0;
        DecodedProgram? program = null;
        UInt256 codeHash = default;
        var evmBlobAccount = false;
        var resolution = shardFails ? CalleeKind.Unavailable : Host.ResolveCallee(callee, isConstructor, out program, out codeHash, out evmBlobAccount);
        var calldataOk = TryFormPointer(abi, abiIsPointer, out var calldata);
        var ok = true;
        if (frame.Ergs >= mandated)
        {
            frame.Ergs -= mandated;
        }
        else
        {
            frame.Ergs = 0;
            mandated = 0;
            ok = false;
        }
        ok = ok && !shardFails && calldataOk && resolution != CalleeKind.Unavailable;
        var isEvm = resolution == CalleeKind.EvmEmulator;
        if (ok && (resolution == CalleeKind.EraVm || isEvm) && World.IsFirstDecommit(codeHash))
        {
            // 4 ergs per 32-byte word the first time a hash is decommitted in the batch; a shortfall is
            // not charged (eravm.md §3 step 2).
            var cost = 4u * (uint)program!.CodeWords.Length;
            if (frame.Ergs >= cost)
            {
                frame.Ergs -= cost;
                World.MarkDecommitted(codeHash);
            }
            else
            {
                ok = false;
            }
        }

        var passed = Math.Min(ergsToPass, frame.Ergs / 64 * 63);
        frame.Ergs -= passed;
        var calleeErgs = passed + mandated;
        var isStatic = isStaticCall || frame.IsStatic;

        var calleeThis = kind == ExternalCallKind.Delegate ? frame.This : callee;
        var calleeCaller = kind switch
        {
            ExternalCallKind.Delegate => frame.Caller,
            ExternalCallKind.Mimic => Address.FromUInt256(Registers[15]),
            _ => frame.This,
        };
        var context = kind == ExternalCallKind.Delegate ? frame.ContextU128 : PendingContextU128;

        if (ok && resolution == CalleeKind.External)
        {
            _externalHandler = handler;
            _externalSnapshot = World.Snapshot();
            PendingCall = new PendingExternalCall(frame.This, callee, frame.Caller, Address.FromUInt256(Registers[15]), kind, isStatic, isSystem, context,
                ReadPointer(calldata, ref _callBuffer), calleeErgs);
            PendingContextU128 = default;
            Status = MachineStatus.ExternalCall;
            return;
        }

        var next = RentFrame();
        _depth++;
        var group = AllocatePageGroup();
        next.Program = ok ? program! : DecodedProgram.Panicking;
        next.CodePage = group;
        next.HeapPage = group + 2;
        next.AuxHeapPage = group + 3;
        next.CalldataPage = ok ? calldata.Page : 0;
        next.This = calleeThis;
        next.Caller = calleeCaller;
        next.CodeAddress = callee;
        next.ContextU128 = context;
        // The EVM emulator enforces static calls itself: its frame is told through r2 bit 2 instead.
        next.IsStatic = isStatic && !(ok && isEvm);
        next.IsKernel = IsKernelAddress(calleeThis);
        next.HeapBound = next.AuxHeapBound = next.IsKernel ? KernelHeapStipend : evmBlobAccount ? EvmHeapStipend : UserHeapStipend;
        var stipend = ok && isEvm ? EvmEmulatorStipend : 0u;
        next.Ergs = SaturatingAdd(calleeErgs, stipend);
        next.Stipend = stipend;
        next.ExceptionHandler = handler;
        next.Snapshot = World.Snapshot();
        Current = next;
        PendingContextU128 = default;

        SetFlags(false, false, false);
        if (isSystem)
        {
            // r3..r12 carry the extra ABI words of a system call, untagged.
            Registers[13] = Registers[14] = Registers[15] = default;
        }
        else
        {
            Array.Clear(Registers);
        }
        PointerFlags = 2;
        Registers[1] = ok ? calldata.ToWord() : default;
        Registers[2] = new UInt256((isConstructor ? 1u : 0u) | (isSystem ? 2u : 0u) | (ok && isEvm && isStatic ? 4u : 0u));
        RegistersWritten = AllRegisters;
    }

    /// <summary>
    /// Resumes after a <see cref="MachineStatus.ExternalCall"/>: the returned data goes on a fresh page and
    /// r1 points at it, as if an EraVM callee had returned it from its heap. <paramref name="ergs"/> is what
    /// the frame holds now: what it kept plus what the callee did not use.
    /// </summary>
    public void CompleteExternalCall(ReturnKind kind, ReadOnlySpan<byte> returnData, uint ergs)
    {
        var frame = Current;
        frame.Ergs = ergs;
        PendingContextU128 = default;
        Array.Clear(Registers);
        var group = AllocatePageGroup();
        if (kind != ReturnKind.Panic)
        {
            Page(group + 2).Fill(returnData);
            Registers[1] = new FatPointer(0, group + 2, 0, (uint)returnData.Length).ToWord();
        }
        PointerFlags = 2;
        if (kind != ReturnKind.Ok)
        {
            frame.Pc = _externalHandler;
            World.Rollback(Host, _externalSnapshot);
        }
        SetFlags(kind == ReturnKind.Panic, false, false);
        RegistersWritten = AllRegisters;
        PendingCall = default;
        Status = MachineStatus.Running;
    }

    /// <summary>A far call or return rewrites every register: none is zeroed afterwards as a stale dst1.</summary>
    private const int AllRegisters = 0xFFFF;

    private static bool IsForwarded(in UInt256 abi) => (byte)(abi.U3 >> 32) == 1;

    private static uint SaturatingAdd(uint a, uint b) => a > uint.MaxValue - b ? uint.MaxValue : a + b;
}
