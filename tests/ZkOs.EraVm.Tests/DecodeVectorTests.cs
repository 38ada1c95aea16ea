// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Encoding;

namespace ZkOs.EraVm.Tests;

/// <summary>
/// Every row of decode_vectors.csv: the word decodes to the row's table entry, the row's assembler text
/// re-assembles to the word (symbols resolved from the contract's own .zasm listing), and the formatter's
/// numeric LLVM text also parses back to the word.
/// </summary>
public sealed class DecodeVectorTests
{
    [Fact]
    public void EveryRowDecodesAndReassembles()
    {
        var lines = File.ReadAllLines(SharedData.EraVm("tables/decode_vectors.csv")).Skip(1).Where(l => l.Length > 0).ToList();
        var programs = new Dictionary<string, ZasmProgram>();
        var failures = new List<string>();
        foreach (var line in lines)
        {
            var f = SharedData.SplitCsv(line);
            var (contract, pc, word, index, opcode, text) = (f[0], int.Parse(f[1]), Convert.ToUInt64(f[2], 16), int.Parse(f[3]), f[4], f[5]);
            if (!programs.TryGetValue(contract, out var program))
            {
                program = ZasmAssembler.Assemble(File.ReadAllText(SharedData.ContractFile(contract, ".zasm")));
                programs[contract] = program;
            }
            try
            {
                var decoded = Instruction.Decode(word);
                Check(decoded.OpcodeIndex == index, "table index");
                Check(OpcodeTable.Name(decoded.Operation) == opcode, "table opcode");
                Check(decoded.Encode() == word, "decode/encode");
                int? Resolve(string name) => program.Symbols.TryGetValue(name, out var v) ? v : null;
                Check(AssemblyParser.ParseLlvm(text, Resolve).Encode() == word, "assembler text");
                Check(AssemblyParser.ParseLlvm(LlvmFormatter.Format(decoded)).Encode() == word, "formatted text " + LlvmFormatter.Format(decoded));
                Check(program.Instructions[pc] == word, "listing at pc");
            }
            catch (Exception e)
            {
                failures.Add($"{contract}@{pc} {f[2]} '{text}': {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {lines.Count} rows failed:\n" + string.Join('\n', failures.Take(40)));
        Assert.Equal(8771, lines.Count);
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException(what + " mismatch");
        }
    }
}
