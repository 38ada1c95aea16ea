// SPDX-License-Identifier: MIT
using ZkOs.System.Oracle.Csr;

namespace ZkOs.System.Tests.Oracle.Csr;

/// <summary>The witness file: one word per line as 8 hex digits, malformed lines reported with their number.</summary>
public class WitnessFileTests
{
    [Fact]
    public void RoundTrips()
    {
        uint[] words = [0, 1, 0xdeadbeef, uint.MaxValue];
        var writer = new StringWriter();
        WitnessFile.Write(writer, words);

        Assert.Equal("00000000\n00000001\ndeadbeef\nffffffff\n", writer.ToString());
        Assert.Equal(words, WitnessFile.Read(new StringReader(writer.ToString()), "w"));
    }

    [Theory]
    [InlineData("00000000\nxyz\n", 2)]
    [InlineData("0000000\n", 1)]
    [InlineData("00000000\n000000001\n", 2)]
    [InlineData("00000000\n\n00000001\n", 2)]
    public void AMalformedLine_IsReportedWithItsNumber(string text, int line)
    {
        var error = Assert.Throws<WitnessException>(() => WitnessFile.Read(new StringReader(text), "block.witness"));
        Assert.StartsWith($"block.witness:{line}:", error.Message);
    }

    [Fact]
    public void AnEmptyFile_IsAnEmptyTape() => Assert.Empty(WitnessFile.Read(new StringReader(""), "w"));
}
