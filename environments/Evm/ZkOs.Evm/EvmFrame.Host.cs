// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Evm;

/// <summary>
/// What host handlers (storage, accounts, logs, calls, creates) need from the frame: moving the loop's
/// ergs and native in and out of a <see cref="Resources"/> around a system request, and recording the
/// call or deployment a yielding instruction asks for.
/// </summary>
public sealed unsafe partial class EvmFrame
{
    private enum PendingRequest : byte
    {
        None,
        Call,
        Deployment,
    }

    private PendingRequest _pending;
    private CallRequest _pendingCall;
    private DeploymentRequest _pendingDeployment;
    private ulong _pendingReturnOffset;
    private ulong _pendingReturnLength;
    private readonly UnmanagedMemoryWindow _requestWindow = new();

    /// <summary>Moves the loop's ergs and native into a <see cref="Resources"/> for a request to the system.</summary>
    internal Resources TakeResources() => _ctx->State.TakeResources();

    /// <summary>Puts resources back after a system request; false, with the error recorded, when it failed.</summary>
    internal bool GiveBack(in Resources resources, SystemStatus status) => _ctx->State.GiveBack(resources, status);

    /// <summary>A window of memory as request data; valid until the frame runs again.</summary>
    internal ReadOnlyMemory<byte> MemorySlice(ulong offset, ulong length) =>
        length == 0 ? ReadOnlyMemory<byte>.Empty : _requestWindow.Point(_ctx->Memory.Data + offset, (int)length);

    internal void RecordCall(in CallRequest request, ulong returnOffset, ulong returnLength)
    {
        _pending = PendingRequest.Call;
        _pendingCall = request;
        _pendingReturnOffset = returnOffset;
        _pendingReturnLength = returnLength;
    }

    internal void RecordDeployment(in DeploymentRequest request)
    {
        _pending = PendingRequest.Deployment;
        _pendingDeployment = request;
    }

    private PreemptionPoint Yield()
    {
        var pending = _pending;
        _pending = PendingRequest.None;
        var resources = TakeResources();
        return pending == PendingRequest.Call
            ? PreemptionPoint.RequestCall(_pendingCall with { AvailableResources = resources })
            : PreemptionPoint.RequestDeployment(_pendingDeployment with { AvailableResources = resources });
    }

    /// <summary>The low 160 bits of a stack word as an address.</summary>
    internal static Address ToAddress(in UInt256 word) => Address.FromUInt256(word);
}
