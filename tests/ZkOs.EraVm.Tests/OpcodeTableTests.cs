// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Encoding;

namespace ZkOs.EraVm.Tests;

public sealed class OpcodeTableTests
{
    [Fact]
    public void DerivedTableEqualsTheConformanceCsv()
    {
        var rows = File.ReadAllLines(SharedData.EraVm("tables/eravm_opcode_table.csv")).Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(OpcodeTable.Size, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var e = OpcodeTable.Get(i);
            var derived = string.Join(',', e.Index, OpcodeTable.Name(e.Operation), OpcodeTable.Name(e.Src0Mode), OpcodeTable.Name(e.Dst0Mode),
                e.Flag0 ? 1 : 0, e.Flag1 ? 1 : 0, e.FlagMeaning, e.Ergs, e.KernelOnly ? 1 : 0, e.ForbiddenInStatic ? 1 : 0);
            Assert.Equal(rows[i], derived);
        }
    }

    [Fact]
    public void EveryValidEntryEncodesBackToItsIndex()
    {
        foreach (var e in OpcodeTable.Entries.Where(e => e.Operation != Operation.Invalid))
        {
            Assert.Equal(e.Index, OpcodeTable.IndexOf(e.Operation, e.Src0Mode, e.Dst0Mode, e.Flag0, e.Flag1));
        }
    }

    [Theory]
    [InlineData("sub r0, r1, r2", 0x0000000002100049UL)]
    [InlineData("sub.s r0, r1, r2", 0x000000000210004AUL)]
    [InlineData("sub! r0, r1, r2", 0x000000000210004BUL)]
    [InlineData("sub 10, r1, r2", 0x0000000A02100089UL)]
    public void CoqVectorsAssemble(string text, ulong word) => Assert.Equal(word, AssemblyParser.ParseLlvm(text).Encode());

    [Fact]
    public void ZkEvmPredicate_Of_IsTheOverflowFlagLikeLt() =>
        Assert.Equal(AssemblyParser.ParseZkEvm("jump.lt @x", _ => 7).Encode(), AssemblyParser.ParseZkEvm("jump.of @x", _ => 7).Encode());
}
