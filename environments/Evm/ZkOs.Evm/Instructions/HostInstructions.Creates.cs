// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// CREATE and CREATE2: pay for the init code (memory, EIP-3860 words, CREATE2's hashing) and yield a
/// deployment request. The runner and <see cref="EvmEnvironment.PrepareDeployment"/> do the rest.
/// </summary>
public static unsafe partial class HostInstructions
{
    /// <summary>Value on top, then the init code's offset and length.</summary>
    public static bool Create(EvmContext* ctx, UInt256* s) =>
        PrepareCreate(ctx, in s[2], in s[1], in s[0], DeploymentScheme.Create, default);

    /// <summary>Value on top, then offset, length and the salt.</summary>
    public static bool Create2(EvmContext* ctx, UInt256* s) =>
        PrepareCreate(ctx, in s[3], in s[2], in s[1], DeploymentScheme.Create2, Bytes32.FromUInt256(in s[0]));

    private static bool PrepareCreate(EvmContext* ctx, in UInt256 value, in UInt256 offset, in UInt256 length, DeploymentScheme scheme, in Bytes32 salt)
    {
        if (!Expand(ctx, in offset, in length))
        {
            return false;
        }
        var frame = EvmFrame.From(ctx);
        var size = UInt256.IsZero(in length) ? 0 : length.U0;
        if (frame.Spec.LimitInitCode)
        {
            if (size > EvmSpec.MaxInitCodeSize)
            {
                ctx->State.Error = ExecutionError.InitCodeSizeLimit;
                return false;
            }
            if (!ChargeGas(ctx, Words(size) * (ulong)(EvmInterpreter.Costs.InitCodeWordErgs / (long)Resources.ErgsPerGas)))
            {
                return false;
            }
        }
        if (scheme == DeploymentScheme.Create2 && !ChargeGas(ctx, Words(size) * (ulong)(EvmInterpreter.Costs.KeccakWordErgs / (long)Resources.ErgsPerGas)))
        {
            return false;
        }
        frame.RecordDeployment(new DeploymentRequest
        {
            Deployer = frame.Launch.This,
            InitCode = frame.MemorySlice(offset.U0, size),
            Value = value,
            Scheme = scheme,
            Salt = salt,
        });
        return true;
    }
}
