// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Bootloader.Runner;

/// <summary>Preparing a constructor: depth, balance and nonce checks, the address, collisions, and starting it.</summary>
public sealed partial class FrameRunner
{
    private PreemptionPoint? BeginDeployment(
        in DeploymentRequest request, IExecutionEnvironment environment, int depth, bool isEntry, out ImmediateResult immediate)
    {
        var deployer = request.Deployer;
        var available = request.AvailableResources;
        var nonce = isEntry ? request.DeployerNonce : _io.NonceOf(deployer);
        if (depth + 1 > MaxDepth
            || UInt256.LessThan(_io.BalanceOf(deployer), request.Value)
            || (!isEntry && !_io.TryIncrementNonce(deployer)))
        {
            immediate = FailedDeployment(available, ExecutionError.CallDepthExceeded);
            return null;
        }

        var preparation = environment.PrepareDeployment(_io, request with { DeployerNonce = nonce });
        if (!preparation.IsReady)
        {
            immediate = FailedDeployment(preparation.ReturnedToDeployer, preparation.Error);
            return null;
        }
        var kept = preparation.ReturnedToDeployer;
        var constructor = preparation.Constructor;
        var address = preparation.Address;
        if (isEntry)
        {
            // A deployment transaction's constructor gets everything: no forwarding rule at the top (§2.2).
            var resources = constructor.Resources;
            resources.Reclaim(kept.TakeAll());
            constructor = constructor with { Resources = resources };
        }

        _io.WarmUp(address);
        if (_io.HasDeploymentCollision(address))
        {
            // A collision burns the constructor's ergs (geth returns no gas), native goes back.
            kept.Reclaim(new Resources(0, constructor.Resources.Native));
            immediate = FailedDeployment(kept, ExecutionError.CreateCollision);
            return null;
        }

        var snapshot = _io.Snapshot();
        _io.BeginDeployment(address);
        _io.TryTransfer(deployer, address, request.Value);
        var record = new FrameRecord
        {
            Frame = Rent(environment),
            Environment = environment,
            Snapshot = snapshot,
            IsDeployment = true,
            DeployedAt = address,
            CallerKept = kept,
            Depth = depth + 1,
        };
        _stack.Add(record);
        immediate = default;
        return record.Frame.Start(_io, constructor with { Depth = record.Depth });
    }

    private static ImmediateResult FailedDeployment(in Resources resources, ExecutionError error) =>
        ImmediateResult.ForDeployment(resources, new DeploymentResult { IsSuccess = false },
            new FrameCompletion { Status = FrameStatus.Failed, Error = error, ResourcesReturned = Resources.Empty });
}
