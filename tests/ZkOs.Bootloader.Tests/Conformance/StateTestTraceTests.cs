// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Evm;

namespace ZkOs.Bootloader.Tests.Conformance;

/// <summary>
/// EIP-3155 traces of real state tests through the executor and the traced EVM loop: the steps, their
/// gas and costs as geth reports them, and the summary the executor ends the trace with.
/// </summary>
public sealed class StateTestTraceTests
{
    private static readonly EthereumStateTestExecutor _executor = new(fork => fork == "Cancun" ? new EvmEnvironment(EvmSpec.Cancun) : null);

    [Fact]
    public void Add11_Traced_GivesEveryStepAndTheSummary()
    {
        var (lines, verdict) = Trace("stExample/add11.json");

        Assert.Equal(StateTestOutcome.Pass, verdict.Outcome);
        // PUSH1 1; PUSH1 1; ADD; PUSH1 0; SSTORE; STOP: gas is 400,000 minus the 21,000 intrinsic, the
        // SSTORE is a cold slot set from zero (2,100 + 20,000).
        Assert.Equal(
            [
                """{"pc":0,"op":96,"gas":"0x5c878","gasCost":"0x3","memSize":0,"stack":[],"depth":1,"returnData":"0x","refund":"0x0","opName":"PUSH1"}""",
                """{"pc":2,"op":96,"gas":"0x5c875","gasCost":"0x3","memSize":0,"stack":["0x1"],"depth":1,"returnData":"0x","refund":"0x0","opName":"PUSH1"}""",
                """{"pc":4,"op":1,"gas":"0x5c872","gasCost":"0x3","memSize":0,"stack":["0x1","0x1"],"depth":1,"returnData":"0x","refund":"0x0","opName":"ADD"}""",
                """{"pc":5,"op":96,"gas":"0x5c86f","gasCost":"0x3","memSize":0,"stack":["0x2"],"depth":1,"returnData":"0x","refund":"0x0","opName":"PUSH1"}""",
                """{"pc":7,"op":85,"gas":"0x5c86c","gasCost":"0x5654","memSize":0,"stack":["0x2","0x0"],"depth":1,"returnData":"0x","refund":"0x0","opName":"SSTORE"}""",
                """{"pc":8,"op":0,"gas":"0x57218","gasCost":"0x0","memSize":0,"stack":[],"depth":1,"returnData":"0x","refund":"0x0","opName":"STOP"}""",
                """{"stateRoot":"0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530","output":"0x","gasUsed":"0xa868","pass":true,"fork":"Cancun"}""",
            ],
            lines);
    }

    [Fact]
    public void RefundTxToSuicideOog_Traced_TheFaultingStepCarriesItsStaticCostAndTheError()
    {
        var (lines, verdict) = Trace("stRefundTest/refund_TxToSuicideOOG.json");

        // Two gas left after the intrinsic cost, and the first instruction is a PUSH20 (3 gas).
        Assert.Equal(StateTestOutcome.Pass, verdict.Outcome);
        Assert.Equal(
            [
                """{"pc":0,"op":115,"gas":"0x2","gasCost":"0x3","memSize":0,"stack":[],"depth":1,"returnData":"0x","refund":"0x0","opName":"PUSH20","error":"out of gas"}""",
                """{"stateRoot":"0x98ede89b924957e72952bdaf8a9ddce04858d64a2cb3a8ecf35f193fc47f841b","output":"0x","gasUsed":"0x520a","pass":false,"fork":"Cancun"}""",
            ],
            lines);
    }

    [Fact]
    public void RefundSstore_Traced_TheRefundCounterShowsFromTheStepAfterTheClearingSstore()
    {
        var (lines, _) = Trace("stRefundTest/refundSSTORE.json");
        var steps = lines[..^1].Select(Parse).ToList();

        // PUSH1 0; DUP1; SSTORE (clears a cold non-zero slot: 2,100 + 2,900, refund 4,800); STOP.
        Assert.Equal(["PUSH1", "DUP1", "SSTORE", "STOP"], steps.Select(s => s.OpName));
        Assert.Equal([0UL, 0, 0, 4_800], steps.Select(s => s.Refund));
        Assert.Equal(5_000UL, steps[2].GasCost);
    }

    [Fact]
    public void CallCall_Traced_CallsCostWhatTheyForwardAndCalleesStartWithIt()
    {
        var (lines, verdict) = Trace("stCallCodes/callcall_00.json");
        var steps = lines[..^1].Select(Parse).ToList();

        Assert.Equal(StateTestOutcome.Pass, verdict.Outcome);
        Assert.Equal([1, 2, 3], steps.Select(s => s.Depth).Distinct());
        // CALL(gas 350,000, value 1) of a cold, existing account with 64 bytes of memory: 2,600 + 9,000 +
        // 6 + the 350,000 forwarded, and the callee starts with them plus the 2,300 stipend.
        var call = steps.First(s => s.OpName == "CALL");
        var calleeFirst = steps[steps.IndexOf(call) + 1];
        Assert.Equal(2_600UL + 9_000 + 6 + 350_000, call.GasCost);
        Assert.Equal((2, 350_000UL + 2_300), (calleeFirst.Depth, calleeFirst.Gas));
        // Within a frame, each step's gas is the previous step's minus its cost, except across a call,
        // which gives back what the callee left.
        for (var i = 0; i + 1 < steps.Count; i++)
        {
            if (steps[i + 1].Depth == steps[i].Depth && steps[i].OpName is not ("CALL" or "CALLCODE" or "DELEGATECALL" or "STATICCALL"))
            {
                Assert.Equal(steps[i].Gas - steps[i].GasCost, steps[i + 1].Gas);
            }
        }
    }

    [Fact]
    public void Tracing_DoesNotChangeTheResult()
    {
        var testCase = Assert.Single(StateTestLoader.LoadCases(ConformanceData.StateTest("stCallCodes/callcall_00.json"), "Cancun"));

        var plain = StateTestVerdict.Run(_executor, testCase);
        var traced = StateTestVerdict.Run(_executor, testCase, new Eip3155JsonTracer(TextWriter.Null));

        Assert.Equal(plain, traced);
    }

    private static (string[] Lines, StateTestVerdict Verdict) Trace(string file)
    {
        var testCase = Assert.Single(StateTestLoader.LoadCases(ConformanceData.StateTest(file), "Cancun"));
        var output = new StringWriter();
        var verdict = StateTestVerdict.Run(_executor, testCase, new Eip3155JsonTracer(output));
        return (output.ToString().TrimEnd('\n').Split('\n'), verdict);
    }

    private static Step Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new Step(
            root.GetProperty("opName").GetString()!,
            Hex(root.GetProperty("gas").GetString()!),
            Hex(root.GetProperty("gasCost").GetString()!),
            root.GetProperty("depth").GetInt32(),
            Hex(root.GetProperty("refund").GetString()!));
    }

    private static ulong Hex(string value) => ulong.Parse(value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private sealed record Step(string OpName, ulong Gas, ulong GasCost, int Depth, ulong Refund);
}
