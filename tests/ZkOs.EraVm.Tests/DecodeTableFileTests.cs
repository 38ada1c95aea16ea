// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Encoding;

namespace ZkOs.EraVm.Tests;

/// <summary>
/// Tables/eravm.decode.csv, the generator's input, against the enumeration rule (Encoding/OpcodeTable) and
/// against the conformance table: the three must agree on every one of the 2,048 entries.
/// </summary>
public sealed class DecodeTableFileTests
{
    [Fact]
    public void DecodeTableFile_EveryEntry_EqualsTheDerivedTableAndTheConformanceTable()
    {
        var rows = File.ReadAllLines(TablePath()).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).ToArray();
        var conformance = File.ReadAllLines(SharedData.EraVm("tables/eravm_opcode_table.csv")).Skip(1).Where(l => l.Length > 0).ToArray();

        Assert.Equal(OpcodeTable.Size, rows.Length);
        Assert.Equal(conformance, rows);
        for (var i = 0; i < OpcodeTable.Size; i++)
        {
            var e = OpcodeTable.Get(i);
            var expected = string.Join(',', e.Index, OpcodeTable.Name(e.Operation), OpcodeTable.Name(e.Src0Mode), OpcodeTable.Name(e.Dst0Mode),
                e.Flag0 ? 1 : 0, e.Flag1 ? 1 : 0, e.FlagMeaning, e.Ergs, e.KernelOnly ? 1 : 0, e.ForbiddenInStatic ? 1 : 0);
            Assert.Equal(expected, rows[i]);
        }
    }

    private static string TablePath() =>
        Path.Combine(SharedData.Repository(), "environments", "EraVm", "ZkOs.EraVm", "Tables", "eravm.decode.csv");
}
