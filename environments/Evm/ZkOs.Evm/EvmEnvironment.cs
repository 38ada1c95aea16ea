// SPDX-License-Identifier: MIT
using ZkOs.Evm;
using ZkOs.Framework;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Primitives;

[assembly: ExecutionEnvironmentPlugin(typeof(EvmEnvironment))]

namespace ZkOs.Evm;

/// <summary>
/// The EVM as an execution environment (type 1): Cancun semantics by default, any fork from the
/// <see cref="EvmSpec"/>. It knows nothing of the transaction policy or the storage model in use:
/// those are the system's and the bootloader's.
/// </summary>
public sealed class EvmEnvironment : IExecutionEnvironment, ITraceableEnvironment
{
    public EvmEnvironment()
        : this(EvmSpec.Cancun)
    {
    }

    public EvmEnvironment(EvmSpec spec)
        : this(spec, tracer: null)
    {
    }

    /// <param name="spec">The fork's rules.</param>
    /// <param name="tracer">When not null, every frame runs the traced loop and reports each instruction to it.</param>
    public EvmEnvironment(EvmSpec spec, IInstructionTracer? tracer)
    {
        Spec = spec;
        Tracer = tracer;
    }

    public EvmSpec Spec { get; }

    /// <summary>The jump maps of code this environment's frames started recently (see <see cref="JumpDestinationCache"/>).</summary>
    internal JumpDestinationCache JumpDestinations { get; } = new();

    /// <summary>Receives every instruction of this environment's frames; null (the default) for the untraced loop.</summary>
    public IInstructionTracer? Tracer { get; }

    public byte Type => EeType.Evm;

    public string Name => "EVM";

    public string Version => $"1.0.0 ({Spec.Fork})";

    public int AbiVersion => FrameworkAbi.Version;

    public CallModifiers SupportedModifiers =>
        CallModifiers.NoModifier | CallModifiers.Constructor | CallModifiers.Static | CallModifiers.Delegate
        | CallModifiers.DelegateStatic | CallModifiers.EvmCallcode | CallModifiers.EvmCallcodeStatic;

    /// <summary>
    /// EIP-150: a callee gets at most all but one 64th of the caller's remaining gas (computed on
    /// whole gas, reference/zksync-os.md §3.5).
    /// </summary>
    public Resources TakeForwardedResources(ref Resources callerResources, ulong ergsRequested) =>
        callerResources.Take(Math.Min(ergsRequested, AllButOne64th(callerResources.Ergs)));

    public static ulong AllButOne64th(ulong ergs) => ergs - ergs / Resources.ErgsPerGas / 64 * Resources.ErgsPerGas;

    public IExecutionFrame CreateFrame() => new EvmFrame(this);

    public IExecutionEnvironment WithTracer(IInstructionTracer tracer) => new EvmEnvironment(Spec, tracer);

    /// <summary>
    /// Derives the new address (CREATE: from the deployer and its nonce; CREATE2: from the deployer,
    /// the salt and the init code's hash) and hands the constructor all but one 64th of the deployer's
    /// ergs. The runner has already checked depth and balance and bumped the nonce.
    /// </summary>
    public DeploymentPreparation PrepareDeployment(ISystem system, in DeploymentRequest request)
    {
        var resources = request.AvailableResources;
        if (Spec.LimitInitCode && request.InitCode.Length > EvmSpec.MaxInitCodeSize)
        {
            return new DeploymentPreparation { Error = ExecutionError.InitCodeSizeLimit, ReturnedToDeployer = resources };
        }
        var address = request.Scheme == DeploymentScheme.Create2
            ? Create2Address(request.Deployer, request.Salt, request.InitCode.Span)
            : CreateAddress(request.Deployer, request.DeployerNonce);
        var constructorResources = resources.Take(AllButOne64th(resources.Ergs));
        return new DeploymentPreparation
        {
            IsReady = true,
            Address = address,
            ReturnedToDeployer = resources,
            Constructor = new FrameLaunch
            {
                This = address,
                Caller = request.Deployer,
                CodeAddress = address,
                Value = request.Value,
                Bytecode = request.InitCode,
                Modifier = CallModifier.Constructor,
                Resources = constructorResources,
            },
        };
    }

    /// <summary><c>keccak(rlp([sender, nonce]))[12..]</c>.</summary>
    public static Address CreateAddress(in Address deployer, ulong nonce)
    {
        Span<byte> buffer = stackalloc byte[RlpLength.OfList(RlpLength.OfAddress + RlpLength.OfUInt64(nonce))];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(RlpLength.OfAddress + RlpLength.OfUInt64(nonce));
        writer.WriteAddress(deployer);
        writer.WriteUInt64(nonce);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(buffer, hash);
        return new Address(hash[12..]);
    }

    /// <summary><c>keccak(0xff ‖ sender ‖ salt ‖ keccak(initcode))[12..]</c> (EIP-1014).</summary>
    public static Address Create2Address(in Address deployer, in Bytes32 salt, ReadOnlySpan<byte> initCode)
    {
        Span<byte> preimage = stackalloc byte[1 + 20 + 32 + 32];
        preimage[0] = 0xff;
        deployer.WriteTo(preimage[1..21]);
        salt.WriteTo(preimage[21..53]);
        Keccak256.Hash(initCode, preimage[53..]);
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(preimage, hash);
        return new Address(hash[12..]);
    }
}
