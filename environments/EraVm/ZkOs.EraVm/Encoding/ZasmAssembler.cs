// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Encoding;

/// <summary>
/// Assembles a zksolc .zasm listing (LLVM syntax) into its instruction words. Symbols follow zksolc's
/// layout: a text label is the pc of the next instruction; a constant-pool label is a code word index
/// counted after the instructions (padded to whole 32-byte words); a .data label is a stack slot,
/// one per cell from slot 0. <see cref="ZasmProgram.Bytecode"/> is the text section followed by the
/// constant pool (<c>.rodata</c> cells: numbers, or <c>@label</c> for jump tables), padded to an odd
/// number of words; zksolc's metadata hash, which follows the pool in a .zbin, is not in a listing.
/// </summary>
public static class ZasmAssembler
{
    public static ZasmProgram Assemble(string listing, bool zkEvmSyntax = false)
    {
        var lines = listing.Split('\n');
        var textLabels = new Dictionary<string, int>(StringComparer.Ordinal);
        var constLabels = new Dictionary<string, int>(StringComparer.Ordinal);
        var symbols = new Dictionary<string, int>(StringComparer.Ordinal);
        var instructionLines = new List<string>();
        var poolCells = new List<string>();
        int cells = 0, slots = 0;
        var section = "text";

        foreach (var raw in lines)
        {
            var line = StripComment(raw).Trim();
            while (TakeLabel(ref line) is { } label)
            {
                switch (section)
                {
                    case "text": textLabels[label] = instructionLines.Count; break;
                    case "rodata": constLabels[label] = cells; break;
                    default: symbols[label] = slots; break;
                }
            }
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('.'))
            {
                var directive = line.Split([' ', '\t'], 2)[0];
                if (directive == ".text")
                {
                    section = "text";
                }
                else if (directive.StartsWith(".rodata", StringComparison.Ordinal))
                {
                    section = "rodata";
                }
                else if (directive is ".data" or ".bss")
                {
                    section = "data";
                }
                else if (directive == ".cell")
                {
                    if (section == "rodata")
                    {
                        cells++;
                        poolCells.Add(line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries) is { Length: 2 } parts ? parts[1].Trim() : "0");
                    }
                    else if (section == "data")
                    {
                        slots++;
                    }
                }
                continue;
            }
            if (section == "text")
            {
                instructionLines.Add(line);
            }
        }

        // The constant pool starts at the first 32-byte word after the instructions (4 per word).
        var poolStart = (instructionLines.Count + 3) / 4;
        foreach (var (name, pc) in textLabels)
        {
            symbols[name] = pc;
        }
        foreach (var (name, cell) in constLabels)
        {
            symbols[name] = poolStart + cell;
        }

        int? Resolve(string name) => symbols.TryGetValue(name, out var value) ? value : null;
        var words = instructionLines
            .Select(l => (zkEvmSyntax ? AssemblyParser.ParseZkEvm(l, Resolve) : AssemblyParser.ParseLlvm(l, Resolve)).Encode())
            .ToList();
        return new ZasmProgram(words, instructionLines, symbols, Layout(words, poolStart, poolCells, Resolve), (poolStart + poolCells.Count) * 32);
    }

    private static byte[] Layout(List<ulong> words, int poolStart, List<string> cells, Func<string, int?> resolve)
    {
        var wordCount = poolStart + cells.Count;
        var bytecode = new byte[(wordCount % 2 == 0 ? wordCount + 1 : wordCount) * 32];
        for (var i = 0; i < words.Count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytecode.AsSpan(i * 8, 8), words[i]);
        }
        for (var c = 0; c < cells.Count; c++)
        {
            CellValue(cells[c], resolve).WriteBigEndian(bytecode.AsSpan((poolStart + c) * 32, 32));
        }
        return bytecode;
    }

    /// <summary>A decimal (possibly negative, taken mod 2^256), <c>0x</c> hex, or <c>@label</c> cell.</summary>
    private static UInt256 CellValue(string text, Func<string, int?> resolve)
    {
        if (text.StartsWith('@'))
        {
            return new UInt256((ulong)(resolve(text[1..]) ?? throw new AssemblyException($"unknown symbol in .cell: {text}")));
        }
        var value = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? BigInteger.Parse("0" + text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new AssemblyException($"bad .cell value: {text}");
        var modulus = BigInteger.One << 256;
        value %= modulus;
        return UInt256.FromBigInteger(value.Sign < 0 ? value + modulus : value);
    }

    private static string StripComment(string line)
    {
        var comment = line.IndexOf(';');
        return comment >= 0 ? line[..comment] : line;
    }

    private static string? TakeLabel(ref string line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0 || line[..colon].Any(char.IsWhiteSpace) || line.Contains('"'))
        {
            return null;
        }
        var label = line[..colon];
        line = line[(colon + 1)..].Trim();
        return label;
    }
}
