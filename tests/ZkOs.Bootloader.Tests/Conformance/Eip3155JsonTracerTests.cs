// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.Conformance;

/// <summary>The EIP-3155 output: field names, order and encodings as the EIP's tables and examples give them.</summary>
public sealed class Eip3155JsonTracerTests
{
    private static string[] Lines(Action<Eip3155JsonTracer> trace)
    {
        var output = new StringWriter();
        trace(new Eip3155JsonTracer(output));
        var text = output.ToString();
        Assert.EndsWith("\n", text);
        var lines = text[..^1].Split('\n');
        foreach (var line in lines)
        {
            using var _ = JsonDocument.Parse(line); // each line is one JSON object
        }
        return lines;
    }

    [Fact]
    public void StepWithEmptyStack()
    {
        var lines = Lines(t => t.Step(0, 0x60, 0x2540be400, 3, 0, [], 1, [], 0, "PUSH1", null));
        Assert.Equal(
            """{"pc":0,"op":96,"gas":"0x2540be400","gasCost":"0x3","memSize":0,"stack":[],"depth":1,"returnData":"0x","refund":"0x0","opName":"PUSH1"}""",
            Assert.Single(lines));
    }

    [Fact]
    public void StepWithStackReturnDataRefundAndError()
    {
        UInt256[] stack = [new(0x40), UInt256.Zero, UInt256.MaxValue];
        var lines = Lines(t => t.Step(21, 0xf3, 0x2540b92a4, 0, 96, stack, 2, [0xf5, 0xa5], 4800, "RETURN", "out of gas: \"x\""));
        Assert.Equal(
            """{"pc":21,"op":243,"gas":"0x2540b92a4","gasCost":"0x0","memSize":96,"stack":["0x40","0x0","0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"],"depth":2,"returnData":"0xf5a5","refund":"0x12c0","opName":"RETURN","error":"out of gas: \"x\""}""",
            Assert.Single(lines));
    }

    [Fact]
    public void OptionalFieldsAreLeftOutWhenNull()
    {
        var line = Assert.Single(Lines(t => t.Step(1, 0xfe, 10, 10, 0, [], 1, [], 0, null, null)));
        Assert.DoesNotContain("opName", line);
        Assert.DoesNotContain("error", line);
    }

    [Fact]
    public void Summary()
    {
        var root = Bytes32.Parse("0x8fa0dcc7f1d2383c89e5737c2843632db881c0946e80b71fe7175365e6538797");
        var lines = Lines(t =>
        {
            t.Summary(root, [0x40], 0x515c, true, "Cancun", TimeSpan.FromTicks(3508));
            t.Summary(root, [], 0, false, null, null);
        });
        Assert.Equal(
            [
                """{"stateRoot":"0x8fa0dcc7f1d2383c89e5737c2843632db881c0946e80b71fe7175365e6538797","output":"0x40","gasUsed":"0x515c","pass":true,"time":350800,"fork":"Cancun"}""",
                """{"stateRoot":"0x8fa0dcc7f1d2383c89e5737c2843632db881c0946e80b71fe7175365e6538797","output":"0x","gasUsed":"0x0","pass":false}""",
            ],
            lines);
    }

    [Fact]
    public void ManyLinesReuseTheBuffer()
    {
        var lines = Lines(t =>
        {
            for (ulong pc = 0; pc < 1000; pc++)
            {
                t.Step(pc, 0x5b, 1000 - pc, 1, 0, [], 1, [], 0, "JUMPDEST", null);
            }
        });
        Assert.Equal(1000, lines.Length);
        Assert.StartsWith("""{"pc":999,"op":91,"gas":"0x1",""", lines[^1]);
    }
}
