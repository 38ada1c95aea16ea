// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.EraVm.Machine;
using ZkOs.EraVm.World;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Execution;

/// <summary>
/// One EraVM activation under the ZKsync OS runner: the root frame of a machine. A far call suspends the
/// machine and becomes a <see cref="CallRequest"/>; the runner continues it with the callee's outcome.
/// Pooled by the runner: the machine, its frames and pages are reused.
/// </summary>
internal sealed class EraVmFrame : IExecutionFrame
{
    private readonly SystemWorld _world = new();
    private readonly EraVmMachine _machine;
    private readonly EraEventReader _events = new();

    /// <summary>r3..r12 of a pending system call, lent to the runner as the request's extra ABI.</summary>
    private readonly UInt256[] _extraAbi = new UInt256[EraVmMachine.ExtraAbiRegisters];

    /// <summary>Ergs above u32::MAX (an EraVM frame holds a u32) kept aside and handed back at the end.</summary>
    private ulong _excessErgs;

    public EraVmFrame()
    {
        _machine = new EraVmMachine(_world);
    }

    public PreemptionPoint Start(ISystem system, in FrameLaunch launch)
    {
        _world.Begin(system, launch.Resources.Native);
        _machine.ResetWorld();
        var ergs = (uint)Math.Min(launch.Resources.Ergs, uint.MaxValue);
        _excessErgs = launch.Resources.Ergs - ergs;
        var flags = (launch.IsConstructor ? 1u : 0u) | (launch.Modifier is CallModifier.ZkVmSystem or CallModifier.ZkVmSystemStatic ? 2u : 0u);
        _machine.Start(new RootLaunch(launch.This, launch.Caller, EraVmEnvironment.ProgramOf(launch.Bytecode), launch.Calldata, ergs,
            launch.IsStatic, launch.Value, flags, CodeAddress: launch.CodeAddress, ExtraAbi: launch.ExtraAbi));
        return Run();
    }

    public PreemptionPoint ContinueAfterCall(ISystem system, in Resources returned, in CallResult result)
    {
        _world.Resume(system, returned.Native);
        var ergs = (uint)Math.Min(returned.Ergs, uint.MaxValue);
        _excessErgs = returned.Ergs - ergs;
        var kind = result.Kind switch
        {
            CallResultKind.Successful => ReturnKind.Ok,
            CallResultKind.Failed => ReturnKind.Revert,
            _ => ReturnKind.Panic,
        };
        _machine.CompleteExternalCall(kind, result.ReturnData.Span, ergs);
        return Run();
    }

    /// <summary>Never reached: EraVM frames request no deployments. A runner that calls it anyway gets a failed frame.</summary>
    public PreemptionPoint ContinueAfterDeployment(ISystem system, in Resources returned, in DeploymentResult result) =>
        PreemptionPoint.Complete(new FrameCompletion { Status = FrameStatus.Failed, Error = ExecutionError.Unsupported, ResourcesReturned = returned });

    /// <summary>
    /// Hands the events EventWriter's <c>log.event</c> queries formed since the last flush to the system,
    /// before a far call leaves the machine (so events keep their order around the callee's) and when
    /// the frame returns. A revert needs nothing: the runner rolls back what the system recorded, and the
    /// machine drops the queries it had not flushed. (Queries a kernel frame flushed before a far call
    /// stay if a near call around both later reverts: only kernel code emits, and EventWriter never does
    /// both.)
    /// </summary>
    private void FlushEvents()
    {
        var world = _machine.World;
        var queries = CollectionsMarshal.AsSpan(world.Events);
        var position = world.UndeliveredEvents;
        while (_events.TryNext(queries, ref position, out var emitter, out var topics, out var data))
        {
            _world.Emit(emitter, topics, data);
        }
        world.MarkEventsDelivered();
    }

    private PreemptionPoint Run()
    {
        var status = _machine.Run();
        if (status is MachineStatus.ExternalCall or MachineStatus.Returned)
        {
            FlushEvents();
        }
        if (_world.OutOfNative)
        {
            return PreemptionPoint.Complete(new FrameCompletion { Status = FrameStatus.Failed, Error = ExecutionError.OutOfNative });
        }
        if (status == MachineStatus.ExternalCall)
        {
            var call = _machine.PendingCall;
            if (call.IsSystem)
            {
                _machine.Registers.AsSpan(3, _extraAbi.Length).CopyTo(_extraAbi);
            }
            var modifier = (call.Kind, call.IsSystem, call.IsStatic) switch
            {
                (ExternalCallKind.Delegate, _, false) => CallModifier.Delegate,
                (ExternalCallKind.Delegate, _, true) => CallModifier.DelegateStatic,
                (_, true, false) => CallModifier.ZkVmSystem,
                (_, true, true) => CallModifier.ZkVmSystemStatic,
                (_, false, true) => CallModifier.Static,
                _ => CallModifier.NoModifier,
            };
            return PreemptionPoint.RequestCall(new CallRequest
            {
                // A mimic call makes the callee see the mimicked address as its caller.
                Caller = call.Kind == ExternalCallKind.Mimic ? call.MimicCaller : call.Requester,
                Callee = call.Callee,
                CallersCaller = call.RequestersCaller,
                Modifier = modifier,
                // Era moves value through MsgValueSimulator, not the far call itself: nothing is transferred here.
                Value = default,
                Calldata = call.Calldata,
                ExtraAbi = call.IsSystem ? _extraAbi : default,
                ErgsRequested = call.Ergs,
                AvailableResources = new Resources(_machine.Current.Ergs + (ulong)call.Ergs + _excessErgs, _world.Native),
            });
        }
        var returned = new Resources(_machine.RootErgsLeft + _excessErgs, _world.Native);
        return PreemptionPoint.Complete(status switch
        {
            MachineStatus.Returned => new FrameCompletion { Status = FrameStatus.Returned, ResourcesReturned = returned, ReturnData = _machine.ReturnData },
            MachineStatus.Reverted => new FrameCompletion { Status = FrameStatus.Reverted, ResourcesReturned = returned, ReturnData = _machine.ReturnData },
            // A panic: unlike an EVM failure it gives back the ergs it did not burn (eravm.md §3).
            _ => new FrameCompletion { Status = FrameStatus.Failed, Error = ExecutionError.None, ResourcesReturned = returned },
        });
    }
}
