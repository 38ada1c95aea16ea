// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Bootloader.ZkSync.Forward;
using ZkOs.Bootloader.ZkSync.Proving;
using ZkOs.Evm;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.Cli.Commands;

/// <summary>
/// A block of ERC-20 transfers through the whole ZKsync STF, forward (execution, the tree update, pubdata
/// and the public input) and proving (the proving variant over the block's witness: the same execution
/// over the CSR tape, preimages re-hashed, every touched slot proven against the initial root, the new
/// root from the proofs, the public input; recording the witness is not timed). Block 1 is the sample block's genesis and its first
/// transaction, which deploys SampleToken with Alice holding the supply; block 2, the one timed, is
/// <c>count</c> EIP-1559 transfers of one token unit from Alice to distinct recipients (each a new balance
/// slot, as in a busy token's traffic). The transactions are signed while the block file is read, before
/// any timing; each timed run starts from a fresh in-memory state with block 1 applied.
/// </summary>
internal static class BenchErc20Block
{
    private const string SampleResource = "ZkOs.Cli.sample-block.json";

    /// <summary>The token SampleToken lands at when Alice deploys it with nonce 0.</summary>
    private const string Token = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

    /// <summary>transfer(address,uint256).</summary>
    private const string TransferSelector = "a9059cbb";

    private const int MinRuns = 3;

    public static (BenchTimings Forward, BenchTimings Proving, int Transactions) Run(int count, double seconds)
    {
        var (deployBlock, transferBlock) = Blocks(count);
        var forward = RunForward(deployBlock, transferBlock, count, seconds);
        return (forward, RunProving(deployBlock, transferBlock, seconds), count);
    }

    private static BenchTimings RunForward(ZkSyncBlockFile deployBlock, ZkSyncBlockFile transferBlock, int count, double seconds)
    {
        var first = RunOnce(deployBlock, transferBlock, out _);
        var failed = first.Block.Transactions.Where(t => t.Invalid is not null || !t.Success).Select(t => t.Index).ToList();
        if (first.Block.Transactions.Count != count || failed.Count > 0)
        {
            throw new InvalidOperationException($"the ERC-20 block did not run cleanly: {first.Block.Transactions.Count} of {count} transactions, failed: {string.Join(", ", failed)}");
        }

        return BenchTimings.Measure(() =>
        {
            RunOnce(deployBlock, transferBlock, out var elapsed);
            return elapsed.TotalNanoseconds;
        }, seconds, MinRuns);
    }

    /// <summary>
    /// Records block 2's witness once, then times one prover (a reusable machine, as a prover runs) over
    /// it; every run must give the forward public input, or the figure would time a failing run.
    /// </summary>
    private static BenchTimings RunProving(ZkSyncBlockFile deployBlock, ZkSyncBlockFile transferBlock, double seconds)
    {
        var environments = Environments();
        uint[] witness;
        using (var database = StateDatabase.Open(new InMemoryStateStore()))
        {
            var chain = new ZkSyncChain(database, environments, PrecompileSet.Cancun);
            chain.Run(deployBlock);
            witness = chain.RecordWitness(transferBlock).Witness;
        }
        var expected = RunOnce(deployBlock, transferBlock, out _).PublicInput;
        using var prover = new ProvingRun(environments, PrecompileSet.Cancun);
        return BenchTimings.Measure(() =>
        {
            var report = prover.Run(witness);
            if (report.Proof.PublicInput != expected)
            {
                throw new InvalidOperationException($"the proving run gave public input {report.Proof.PublicInput}, the forward run {expected}");
            }
            return report.Elapsed.TotalNanoseconds;
        }, seconds, MinRuns);
    }

    private static IExecutionEnvironment?[] Environments()
    {
        var environments = new IExecutionEnvironment?[256];
        environments[EeType.Evm] = new EvmEnvironment();
        return environments;
    }

    /// <summary>Runs block 1 untimed on a fresh state, then block 2 timed.</summary>
    private static ZkSyncRunReport RunOnce(ZkSyncBlockFile deployBlock, ZkSyncBlockFile transferBlock, out TimeSpan elapsed)
    {
        using var database = StateDatabase.Open(new InMemoryStateStore());
        var chain = new ZkSyncChain(database, Environments(), PrecompileSet.Cancun);
        chain.Run(deployBlock);
        var start = Stopwatch.GetTimestamp();
        var report = chain.Run(transferBlock);
        elapsed = Stopwatch.GetElapsedTime(start);
        return report;
    }

    /// <summary>Both blocks, written as block files from the embedded sample and read (and signed) by the block-file reader.</summary>
    private static (ZkSyncBlockFile Deploy, ZkSyncBlockFile Transfers) Blocks(int count)
    {
        using var stream = typeof(BenchErc20Block).Assembly.GetManifestResourceStream(SampleResource)
            ?? throw new InvalidOperationException($"The embedded resource {SampleResource} is missing from the build.");
        var sample = JsonNode.Parse(stream)!.AsObject();
        var transactions = sample["transactions"]!.AsArray();
        var deploy = transactions[0]!.DeepClone().AsObject();
        if (deploy["deploy"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException("the sample block's first transaction no longer deploys the token.");
        }
        var alice = deploy["privateKey"]!.GetValue<string>();

        var first = sample.DeepClone().AsObject();
        first["transactions"] = new JsonArray(deploy);

        var transfers = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var recipient = (0x1_0000_0000UL + (ulong)i).ToString("x40", CultureInfo.InvariantCulture);
            transfers.Add(new JsonObject
            {
                ["type"] = 2,
                ["privateKey"] = alice,
                ["nonce"] = i + 1,
                ["to"] = Token,
                ["gasLimit"] = 500_000,
                ["maxFeePerGas"] = "200000000",
                ["maxPriorityFeePerGas"] = "0",
                ["data"] = $"0x{TransferSelector}{recipient.PadLeft(64, '0')}{1.ToString("x64", CultureInfo.InvariantCulture)}",
            });
        }
        var second = sample.DeepClone().AsObject();
        var block = second["block"]!.AsObject();
        block["number"] = 2;
        block["timestamp"] = ToULong(block["timestamp"]!) + 1;
        // Room for any count the command accepts.
        block["gasLimit"] = Math.Max(ToULong(block["gasLimit"]!), (ulong)count * 500_000);
        second["transactions"] = transfers;

        return (ZkSyncBlockFileReader.Parse(first.ToJsonString(), "bench block 1 (token deployment)"),
            ZkSyncBlockFileReader.Parse(second.ToJsonString(), $"bench block 2 ({count} ERC-20 transfers)"));
    }

    private static ulong ToULong(JsonNode node) => node.GetValueKind() == global::System.Text.Json.JsonValueKind.Number
        ? node.GetValue<ulong>()
        : node.GetValue<string>() is var s && s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.Parse(s.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : ulong.Parse(s, CultureInfo.InvariantCulture);
}
