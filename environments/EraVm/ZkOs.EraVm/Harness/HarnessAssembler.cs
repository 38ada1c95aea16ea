// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using ZkOs.EraVm.Encoding;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Harness;

/// <summary>
/// Assembles the zkEVM-assembly programs of the zk_evm harness (eravm.md §6): instructions in the
/// zkEVM syntax (<see cref="AssemblyParser.ParseZkEvm"/>), <c>.rodata</c> constant-pool labels with
/// <c>.cell</c> values placed after the instructions, and the harness pseudo-ops: <c>revert("msg")</c>
/// (loads the message, stored as a cell prefixed "E:", and panics), <c>print("msg")</c> (a debug
/// print: no instruction), <c>set_storage_warm(n)</c> / <c>set_storage_cold()</c> (storage-refund
/// directives for the following instructions). <c>${name}</c> placeholders are substituted by the
/// caller before assembling.
/// </summary>
public static class HarnessAssembler
{
    public static HarnessProgram Assemble(string source)
    {
        var textLabels = new Dictionary<string, int>(StringComparer.Ordinal);
        var poolLabels = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new List<UInt256>();
        var instructions = new List<string>();
        var reverts = new Dictionary<ushort, string>();
        var refunds = new List<(ushort, uint)>();
        var strings = new List<(string Label, UInt256 Value)>();
        var section = "text";

        foreach (var raw in source.Split('\n'))
        {
            var line = StripComment(raw).Trim();
            while (TakeLabel(ref line) is { } label)
            {
                if (section == "text")
                {
                    textLabels[label] = instructions.Count;
                }
                else
                {
                    poolLabels[label] = cells.Count;
                }
            }
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('.'))
            {
                var directive = line.Split([' ', '\t'], 2);
                if (directive[0] == ".text")
                {
                    section = "text";
                }
                else if (directive[0].StartsWith(".rodata", StringComparison.Ordinal) || directive[0] is ".data" or ".bss")
                {
                    section = "rodata";
                }
                else if (directive[0] == ".cell")
                {
                    cells.Add(ParseCell(directive.Length > 1 ? directive[1].Trim() : ""));
                }
                continue;
            }
            if (line.StartsWith("revert(", StringComparison.Ordinal))
            {
                var message = Quoted(line);
                var label = "__revert_string_" + strings.Count.ToString(CultureInfo.InvariantCulture);
                strings.Add((label, StringCell("E:" + message)));
                reverts[(ushort)instructions.Count] = message;
                instructions.Add($"add @{label}[0], r0, r0");
                instructions.Add("ret.panic r0");
                continue;
            }
            if (line.StartsWith("print(", StringComparison.Ordinal))
            {
                continue;
            }
            if (line.StartsWith("set_storage_warm(", StringComparison.Ordinal))
            {
                var inner = line["set_storage_warm(".Length..line.IndexOf(')')];
                refunds.Add(((ushort)instructions.Count, uint.Parse(inner, CultureInfo.InvariantCulture)));
                continue;
            }
            if (line.StartsWith("set_storage_cold(", StringComparison.Ordinal))
            {
                refunds.Add(((ushort)instructions.Count, 0));
                continue;
            }
            if (section == "text")
            {
                instructions.Add(HoistLargeImmediate(line, cells, poolLabels));
            }
        }

        foreach (var (label, value) in strings)
        {
            poolLabels[label] = cells.Count;
            cells.Add(value);
        }

        // The constant pool starts at the first 32-byte word after the instructions (4 per word).
        var poolStart = (instructions.Count + 3) / 4;
        var symbols = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, pc) in textLabels)
        {
            symbols[name] = pc;
        }
        foreach (var (name, cell) in poolLabels)
        {
            symbols[name] = poolStart + cell;
        }
        int? Resolve(string name) => symbols.TryGetValue(name, out var value) ? value : null;

        var words = poolStart + cells.Count;
        if (words % 2 == 0)
        {
            words++;
        }
        var bytecode = new byte[words * 32];
        for (var i = 0; i < instructions.Count; i++)
        {
            var word = AssemblyParser.ParseZkEvm(instructions[i], Resolve).Encode();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytecode.AsSpan(i * 8, 8), word);
        }
        for (var c = 0; c < cells.Count; c++)
        {
            cells[c].WriteBigEndian(bytecode.AsSpan((poolStart + c) * 32, 32));
        }
        return new HarnessProgram(bytecode, reverts, refunds);
    }

    /// <summary>
    /// The zkEVM assembler moves an immediate that does not fit 16 bits into the constant pool and reads
    /// it from there (<c>add 100000, r1, r1</c> becomes <c>add @const[0], r1, r1</c>); only a first operand
    /// can be a code-page read.
    /// </summary>
    private static string HoistLargeImmediate(string line, List<UInt256> cells, Dictionary<string, int> poolLabels)
    {
        var space = line.IndexOfAny([' ', '\t']);
        if (space < 0)
        {
            return line;
        }
        var rest = line[space..].TrimStart();
        var comma = rest.IndexOf(',');
        var first = (comma < 0 ? rest : rest[..comma]).Trim();
        if (first.Length == 0 || !(char.IsDigit(first[0]) || first[0] == '-'))
        {
            return line;
        }
        var value = ParseCell(first);
        if (value <= new UInt256(ushort.MaxValue))
        {
            return line;
        }
        var label = "__constant_" + cells.Count.ToString(CultureInfo.InvariantCulture);
        poolLabels[label] = cells.Count;
        cells.Add(value);
        return line[..space] + " @" + label + "[0]" + (comma < 0 ? "" : rest[comma..]);
    }

    private static UInt256 ParseCell(string text)
    {
        var value = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? BigInteger.Parse("0" + text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var modulus = BigInteger.One << 256;
        value %= modulus;
        if (value.Sign < 0)
        {
            value += modulus;
        }
        return UInt256.FromBigInteger(value);
    }

    /// <summary>A message as one cell: its first 32 bytes, left-aligned.</summary>
    private static UInt256 StringCell(string text)
    {
        var bytes = new byte[32];
        var encoded = System.Text.Encoding.UTF8.GetBytes(text);
        encoded.AsSpan(0, Math.Min(32, encoded.Length)).CopyTo(bytes);
        return UInt256.ReadBigEndian(bytes);
    }

    private static string Quoted(string line)
    {
        var open = line.IndexOf('"');
        var close = line.LastIndexOf('"');
        return open >= 0 && close > open ? line[(open + 1)..close] : "";
    }

    private static string StripComment(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ';' && !quoted)
            {
                return line[..i];
            }
        }
        return line;
    }

    private static string? TakeLabel(ref string line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0 || line[..colon].Any(char.IsWhiteSpace) || line[..colon].Contains('"') || line[..colon].Contains('('))
        {
            return null;
        }
        var label = line[..colon];
        line = line[(colon + 1)..].Trim();
        return label;
    }
}
