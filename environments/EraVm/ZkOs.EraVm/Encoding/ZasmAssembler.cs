// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>
/// Assembles a zksolc .zasm listing (LLVM syntax) into its instruction words. Symbols follow zksolc's
/// layout: a text label is the pc of the next instruction; a constant-pool label is a code word index
/// counted after the instructions (padded to whole 32-byte words); a .data label is a stack slot,
/// one per cell from slot 0. Only the text section is produced; the constant pool's values are not.
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
        return new ZasmProgram(words, instructionLines, symbols);
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
