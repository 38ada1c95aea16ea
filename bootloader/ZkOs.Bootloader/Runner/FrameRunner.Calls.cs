// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync;
using ZkOs.System.ZkSync.Hooks;

namespace ZkOs.Bootloader.Runner;

/// <summary>Preparing a callee: forwarding, depth, value transfer, precompiles, and starting its frame.</summary>
public sealed partial class FrameRunner
{
    /// <summary>
    /// Starts the call's frame and returns its first preemption point, or returns null with the result in
    /// <paramref name="immediate"/> when the call ends without a frame (a failed precondition, a
    /// precompile, an account without code).
    /// </summary>
    private PreemptionPoint? BeginCall(
        in CallRequest request, bool callerStatic, int depth, bool isEntry, out ImmediateResult immediate,
        IExecutionEnvironment? callerEnvironment = null)
    {
        var kept = request.AvailableResources;
        var passed = isEntry ? kept.TakeAll() : callerEnvironment!.TakeForwardedResources(ref kept, request.ErgsRequested);
        passed.Ergs = passed.Ergs > Resources.Infinite - request.ErgsStipend ? Resources.Infinite : passed.Ergs + request.ErgsStipend;

        var modifier = request.Modifier;
        var transfers = modifier.AllowsValueTransfer() && !UInt256.IsZero(request.Value);
        if (depth + 1 > MaxDepth || (transfers && UInt256.LessThan(_io.BalanceOf(request.Caller), request.Value)))
        {
            // Nothing ran: everything passed, the stipend included, goes back to the caller.
            kept.Reclaim(passed);
            immediate = ImmediateResult.ForCall(kept, new CallResult { Kind = CallResultKind.Failed }, Completed(FrameStatus.Failed, ExecutionError.CallDepthExceeded, passed));
            return null;
        }

        var snapshot = _io.Snapshot();
        var callee = request.Callee;
        var isPrecompile = _precompiles.TryGet(callee, out var precompile);
        var isKernelSpace = _hooks is not null && SystemAddresses.IsKernelSpace(callee);
        switch (modifier)
        {
            case CallModifier.NoModifier:
                if (!_io.Exists(callee) && !isPrecompile && !isKernelSpace && !transfers)
                {
                    // Ethereum: a value-less call to a non-existent account does nothing at all, not even a touch.
                    kept.Reclaim(passed);
                    immediate = ImmediateResult.ForCall(kept, new CallResult { Kind = CallResultKind.Successful }, Completed(FrameStatus.Returned, ExecutionError.None, passed));
                    return null;
                }
                _io.TryTransfer(request.Caller, callee, request.Value);
                break;
            case CallModifier.EvmCallcode or CallModifier.EvmCallcodeStatic:
                _io.TryTransfer(request.Caller, request.Caller, request.Value);
                break;
            case CallModifier.Static or CallModifier.ZkVmSystemStatic:
                // A static call still touches the callee (a zero-value balance change in geth's terms).
                _io.Touch(callee, create: isPrecompile);
                break;
        }

        if (isPrecompile)
        {
            immediate = RunPrecompile(precompile!, request.Calldata.Span, passed, kept, snapshot);
            return null;
        }

        if (isKernelSpace)
        {
            immediate = _hooks!.TryGet(callee, out var hook)
                ? RunHook(hook, request, callerEnvironment?.Type ?? EeType.None, passed, kept, snapshot)
                : ImmediateResult.ForCall(Reclaimed(kept, passed), new CallResult { Kind = CallResultKind.Successful }, Completed(FrameStatus.Returned, ExecutionError.None, passed));
            return null;
        }

        var account = _io.GetAccount(callee);
        if (account is null || !account.HasCode)
        {
            kept.Reclaim(passed);
            immediate = ImmediateResult.ForCall(kept, new CallResult { Kind = CallResultKind.Successful }, Completed(FrameStatus.Returned, ExecutionError.None, passed));
            return null;
        }
        var code = account.Code;
        if (_environments[account.EeType] is not { } environment)
        {
            // Code of an EE this host does not run: the call fails like a bad frame (ZKsync OS: "Unknown EE").
            _unsupported ??= $"execution environment type {account.EeType} is not configured";
            _io.Rollback(snapshot);
            kept.Reclaim(new Resources(0, passed.Native));
            immediate = ImmediateResult.ForCall(kept, new CallResult { Kind = CallResultKind.Failed }, Completed(FrameStatus.Failed, ExecutionError.Unsupported, new Resources(0, passed.Native)));
            return null;
        }

        var delegates = modifier.IsDelegate() || modifier.IsCallcode();
        var record = new FrameRecord
        {
            Frame = Rent(environment),
            Environment = environment,
            Snapshot = snapshot,
            IsStatic = callerStatic || modifier.IsStatic(),
            CallerKept = kept,
            Depth = depth + 1,
        };
        _stack.Add(record);
        immediate = default;
        return record.Frame.Start(_io, new FrameLaunch
        {
            This = delegates ? request.Caller : callee,
            Caller = modifier.IsDelegate() ? request.CallersCaller : request.Caller,
            CodeAddress = callee,
            Value = request.Value,
            Calldata = request.Calldata,
            ExtraAbi = modifier is CallModifier.ZkVmSystem or CallModifier.ZkVmSystemStatic ? request.ExtraAbi : default,
            Bytecode = code,
            Modifier = modifier,
            IsStatic = record.IsStatic,
            Resources = passed,
            Depth = record.Depth,
        });
    }

    /// <summary>
    /// Runs a precompile with the passed resources. Success keeps what it did not charge; any failure
    /// rolls back the call (its value transfer included) and burns every erg passed.
    /// </summary>
    private ImmediateResult RunPrecompile(IPrecompile precompile, ReadOnlySpan<byte> input, Resources passed, Resources kept, in ZkOs.System.Io.IoSnapshot snapshot)
    {
        _precompileOutput.ResetWrittenCount();
        var status = precompile.Execute(input, ref passed, _precompileOutput);
        if (status == PrecompileStatus.Success)
        {
            kept.Reclaim(passed);
            var output = _precompileOutput.WrittenMemory;
            return ImmediateResult.ForCall(kept, new CallResult { Kind = CallResultKind.Successful, ReturnData = output },
                new FrameCompletion { Status = FrameStatus.Returned, ResourcesReturned = passed, ReturnData = output });
        }
        if (status == PrecompileStatus.Unsupported)
        {
            _unsupported ??= $"precompile {precompile.Name} (0x{precompile.Address:x2}) is not implemented";
        }
        _io.Rollback(snapshot);
        var error = status == PrecompileStatus.OutOfNative ? ExecutionError.OutOfNative : status == PrecompileStatus.Unsupported ? ExecutionError.Unsupported : ExecutionError.OutOfErgs;
        var remaining = new Resources(0, status == PrecompileStatus.OutOfNative ? 0 : passed.Native);
        kept.Reclaim(remaining);
        return ImmediateResult.ForCall(kept, new CallResult { Kind = CallResultKind.Failed }, Completed(FrameStatus.Failed, error, remaining));
    }

    /// <summary>
    /// Runs a system hook with the passed resources. A revert rolls the call back (its value transfer
    /// included) and returns what the hook did not use; out of native is fatal as everywhere.
    /// </summary>
    private ImmediateResult RunHook(ISystemHook hook, in CallRequest request, byte callerEe, Resources passed, Resources kept, in ZkOs.System.Io.IoSnapshot snapshot)
    {
        _precompileOutput.ResetWrittenCount();
        if (hook.Execute(request, callerEe, _io, ref passed, _precompileOutput))
        {
            var output = _precompileOutput.WrittenMemory;
            kept.Reclaim(passed);
            return ImmediateResult.ForCall(kept, new CallResult { Kind = CallResultKind.Successful, ReturnData = output },
                new FrameCompletion { Status = FrameStatus.Returned, ResourcesReturned = passed, ReturnData = output });
        }
        _io.Rollback(snapshot);
        var error = passed.Native == 0 ? ExecutionError.OutOfNative : ExecutionError.None;
        kept.Reclaim(passed);
        return ImmediateResult.ForCall(kept, new CallResult { Kind = CallResultKind.Failed },
            new FrameCompletion { Status = error == ExecutionError.OutOfNative ? FrameStatus.Failed : FrameStatus.Reverted, Error = error, ResourcesReturned = passed });
    }

    private static Resources Reclaimed(Resources kept, in Resources passed)
    {
        kept.Reclaim(passed);
        return kept;
    }

    private static FrameCompletion Completed(FrameStatus status, ExecutionError error, in Resources returned) =>
        new() { Status = status, Error = error, ResourcesReturned = returned };
}
