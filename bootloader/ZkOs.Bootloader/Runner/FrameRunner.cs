// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync.Hooks;

namespace ZkOs.Bootloader.Runner;

/// <summary>
/// Drives frames for the bootloader. The runner, not the EEs, owns the call stack: an explicit stack of
/// <see cref="FrameRecord"/>s, no recursion across frames, depth 1024. An EE runs until it yields a
/// preemption point; the runner prepares the callee (value transfer, resource forwarding, precompiles,
/// snapshots), starts it, and when it ends continues the caller with the result. Calls cross EEs freely.
/// Frames are pooled per EE, so a call allocates nothing in steady state. Split across FrameRunner.*.cs.
/// </summary>
public sealed partial class FrameRunner
{
    /// <summary>reference §3.5: the runner fails a call that would go deeper than this.</summary>
    public const int MaxDepth = 1024;

    private readonly IExecutionEnvironment?[] _environments;
    private readonly FramePool _frames;
    private readonly IoSubsystem _io;
    private readonly PrecompileSet _precompiles;
    private readonly SystemHookSet? _hooks;
    private readonly List<FrameRecord> _stack = [];
    private readonly ArrayBufferWriter<byte> _precompileOutput = new();
    private string? _unsupported;

    // The top-level output is copied here (the frame that produced it goes back to its pool and may be
    // reused): grown when needed, never shrunk, so a run in steady state allocates nothing.
    private byte[] _output = new byte[64];

    /// <param name="environments">The EE for each type byte (null where none is configured).</param>
    /// <param name="deploymentEnvironment">The EE that runs a deployment transaction's init code.</param>
    /// <param name="hooks">
    /// The system hooks of a ZKsync chain. With them, kernel space (below 0x10000) is special: a call
    /// there runs a hook or, without one, reaches an empty account. Null under the Ethereum policy.
    /// </param>
    /// <param name="frames">Idle frames to start from and return to; null for a pool of the runner's own.</param>
    public FrameRunner(
        IExecutionEnvironment?[] environments, byte deploymentEnvironment, IoSubsystem io, PrecompileSet precompiles, SystemHookSet? hooks = null, FramePool? frames = null)
    {
        _hooks = hooks;
        _frames = frames ?? new FramePool();
        if (environments.Length != 256)
        {
            throw new ArgumentException("One slot per type byte is required.", nameof(environments));
        }
        _environments = environments;
        DeploymentEnvironment = environments[deploymentEnvironment]
            ?? throw new ArgumentException($"No execution environment with type {deploymentEnvironment} is configured.", nameof(deploymentEnvironment));
        _io = io;
        _precompiles = precompiles;
    }

    /// <summary>
    /// Drops whatever a failed run left on the call stack (its frames are abandoned, not pooled: they
    /// may be half-way through an instruction), so the runner can serve the next block.
    /// </summary>
    public void Reset()
    {
        _stack.Clear();
        _unsupported = null;
    }

    /// <summary>Runs deployment transactions' init code; calls run in the EE their account records.</summary>
    public IExecutionEnvironment DeploymentEnvironment { get; }

    /// <summary>
    /// Runs a transaction's call: all of <paramref name="resources"/> go to the callee (no forwarding
    /// rule applies to the entry frame).
    /// </summary>
    public RunOutcome Call(in Address caller, in Address callee, in UInt256 value, ReadOnlyMemory<byte> calldata, in Resources resources)
    {
        _unsupported = null;
        var request = new CallRequest
        {
            Caller = caller,
            Callee = callee,
            CallersCaller = caller,
            Modifier = CallModifier.NoModifier,
            Value = value,
            Calldata = calldata,
            AvailableResources = resources,
        };
        var point = BeginCall(request, callerStatic: false, depth: -1, isEntry: true, out var immediate);
        return point is { } started ? Drive(started) : Finish(immediate);
    }

    /// <summary>
    /// Runs a transaction's deployment: the constructor gets all of <paramref name="resources"/>.
    /// <paramref name="deployerNonce"/> is the nonce the address derives from (already bumped by validation).
    /// </summary>
    public RunOutcome Deploy(in Address deployer, ReadOnlyMemory<byte> initCode, in UInt256 value, in Resources resources, ulong deployerNonce)
    {
        _unsupported = null;
        var request = new DeploymentRequest
        {
            Deployer = deployer,
            InitCode = initCode,
            Value = value,
            Scheme = DeploymentScheme.Create,
            DeployerNonce = deployerNonce,
            AvailableResources = resources,
        };
        var point = BeginDeployment(request, DeploymentEnvironment, depth: -1, isEntry: true, out var immediate);
        return point is { } started ? Drive(started) : Finish(immediate);
    }

    /// <summary>
    /// The main loop: feed each preemption point of the frame on top of the stack to the matching
    /// handler until the entry frame completes.
    /// </summary>
    private RunOutcome Drive(PreemptionPoint point)
    {
        while (true)
        {
            var top = _stack[^1];
            switch (point.Kind)
            {
                case PreemptionKind.CallRequest:
                {
                    var child = BeginCall(point.Call, top.IsStatic, top.Depth, isEntry: false, out var immediate, top.Environment);
                    point = child ?? top.Frame.ContinueAfterCall(_io, immediate.Resources, immediate.Call);
                    break;
                }
                case PreemptionKind.DeploymentRequest:
                {
                    var child = BeginDeployment(point.Deployment, top.Environment, top.Depth, isEntry: false, out var immediate);
                    point = child ?? top.Frame.ContinueAfterDeployment(_io, immediate.Resources, immediate.Deployment);
                    break;
                }
                default:
                {
                    var completion = point.Completion;
                    _stack.RemoveAt(_stack.Count - 1);
                    var result = EndFrame(top, completion);
                    if (completion.Error == ExecutionError.OutOfNative)
                    {
                        return AbortOutOfNative(top, completion);
                    }
                    if (_stack.Count == 0)
                    {
                        Release(top);
                        return Finish(result);
                    }
                    var caller = _stack[^1];
                    point = top.IsDeployment
                        ? caller.Frame.ContinueAfterDeployment(_io, result.Resources, result.Deployment)
                        : caller.Frame.ContinueAfterCall(_io, result.Resources, result.Call);
                    // The caller copied what it needed of the callee's output: the frame can be reused.
                    Release(top);
                    break;
                }
            }
        }
    }

    /// <summary>Commits or rolls back a finished frame and turns its completion into the caller's result.</summary>
    private ImmediateResult EndFrame(in FrameRecord frame, in FrameCompletion completion)
    {
        var resources = frame.CallerKept;
        resources.Reclaim(completion.ResourcesReturned);
        if (completion.Status != FrameStatus.Returned)
        {
            _io.Rollback(frame.Snapshot);
        }
        else if (frame.IsDeployment)
        {
            _io.SetCode(frame.DeployedAt, completion.ReturnData.Span, frame.Environment.Type);
        }

        if (frame.IsDeployment)
        {
            return ImmediateResult.ForDeployment(resources, new DeploymentResult
            {
                IsSuccess = completion.Status == FrameStatus.Returned,
                ExecutionReverted = completion.Status == FrameStatus.Reverted,
                DeployedAt = frame.DeployedAt,
                ReturnData = completion.Status == FrameStatus.Reverted ? completion.ReturnData : ReadOnlyMemory<byte>.Empty,
            }, completion);
        }
        return ImmediateResult.ForCall(resources, new CallResult
        {
            Kind = completion.Status == FrameStatus.Returned ? CallResultKind.Successful : CallResultKind.Failed,
            ReturnData = completion.Status == FrameStatus.Failed ? ReadOnlyMemory<byte>.Empty : completion.ReturnData,
        }, completion);
    }

    /// <summary>Out of native anywhere ends the transaction's execution: every frame is rolled back.</summary>
    private RunOutcome AbortOutOfNative(in FrameRecord failed, in FrameCompletion completion)
    {
        Release(failed);
        var snapshot = failed.Snapshot;
        while (_stack.Count > 0)
        {
            var frame = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            snapshot = frame.Snapshot;
            Release(frame);
        }
        _io.Rollback(snapshot);
        return new RunOutcome
        {
            Status = FrameStatus.Failed,
            Error = ExecutionError.OutOfNative,
            Remaining = Resources.Empty,
            ReturnData = ReadOnlyMemory<byte>.Empty,
            OutOfNative = true,
            Unsupported = _unsupported,
        };
    }

    private RunOutcome Finish(in ImmediateResult result)
    {
        var completion = result.Completion;
        var length = completion.ReturnData.Length;
        if (length > _output.Length)
        {
            _output = new byte[Math.Max(length, _output.Length * 2)];
        }
        completion.ReturnData.Span.CopyTo(_output);
        return new RunOutcome
        {
            Status = completion.Status,
            Error = completion.Error,
            Remaining = result.Resources,
            ReturnData = new ReadOnlyMemory<byte>(_output, 0, length),
            DeployedAt = result.IsDeployment && result.Deployment.IsSuccess ? result.Deployment.DeployedAt : null,
            OutOfNative = completion.Error == ExecutionError.OutOfNative,
            Unsupported = _unsupported,
        };
    }

    private IExecutionFrame Rent(IExecutionEnvironment environment) => _frames.Rent(environment);

    private void Release(in FrameRecord record) => _frames.Return(record.Environment, record.Frame);
}
