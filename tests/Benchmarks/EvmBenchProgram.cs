// SPDX-License-Identifier: MIT
extern alias ZkOsSystem;

using ZkOs.Bootloader.Runner;
using ZkOs.Evm;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOsSystem::ZkOs.System.Io;
using ZkOsSystem::ZkOs.System.Precompiles;

namespace ZkOs.Benchmarks;

/// <summary>
/// A contract seeded into a fresh IO subsystem under the Ethereum rules with a <see cref="FrameRunner"/>
/// over the production EVM (London), so a benchmark calls it through the real frame and the generated
/// dispatch loop, as a transaction's entry call would.
/// </summary>
internal sealed class EvmBenchProgram
{
    public static readonly Address Contract = Address.FromUInt64(0xc0de);

    public static readonly Address Caller = Address.FromUInt64(0xca11e5);

    /// <summary>Far more than any program here needs: a benchmark never measures running out.</summary>
    public static readonly Resources Budget = new(1UL << 50, 1UL << 50);

    public EvmBenchProgram(byte[] code)
    {
        Io = new IoSubsystem(IoRules.Ethereum);
        Io.SeedAccount(Contract, 1, UInt256.Zero, code, []);
        Io.SeedAccount(Caller, 0, new UInt256(1_000_000_000_000_000_000), [], []);
        var environments = new IExecutionEnvironment?[256];
        environments[EeType.Evm] = new EvmEnvironment(EvmSpec.For(EvmFork.London));
        Runner = new FrameRunner(environments, EeType.Evm, Io, PrecompileSet.Cancun);
        Io.BeginTransaction(default);
    }

    public IoSubsystem Io { get; }

    public FrameRunner Runner { get; }

    /// <summary>One call of the contract in a transaction of its own, so the journal and warm sets start empty each time.</summary>
    public RunOutcome Call(ReadOnlyMemory<byte> calldata)
    {
        Io.BeginTransaction(default);
        var outcome = Runner.Call(Caller, Contract, UInt256.Zero, calldata, Budget);
        Io.FinishTransaction();
        return outcome;
    }
}
