// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Cli;

/// <summary>
/// Reads bytes given on the command line: inline hex (<c>0x6001…</c>), or a file. A <c>.bin</c> file
/// (or <c>.zbin</c>, EraVM bytecode) is raw bytes; any other file is hex text where whitespace is ignored and <c>#</c> starts a comment,
/// so sample programs can be annotated.
/// </summary>
internal static class CodeInput
{
    public static byte[] Read(string value, string optionName)
    {
        if (File.Exists(value))
        {
            return value.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".zbin", StringComparison.OrdinalIgnoreCase)
                ? File.ReadAllBytes(value)
                : ParseHexText(File.ReadAllLines(value), value);
        }
        try
        {
            return Hex.Decode(value.Trim());
        }
        catch (HexFormatException e)
        {
            throw new CliInputException($"{optionName}: '{Abbreviate(value)}' is neither a file nor hex: {e.Message}");
        }
    }

    private static byte[] ParseHexText(string[] lines, string path)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var comment = line.IndexOf('#');
            var text = (comment >= 0 ? line[..comment] : line).Replace(" ", "").Replace("\t", "");
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                text = text[2..];
            }
            try
            {
                bytes.AddRange(Hex.Decode(text));
            }
            catch (HexFormatException e)
            {
                throw new CliInputException($"{path}:{i + 1}: {e.Message}");
            }
        }
        return [.. bytes];
    }

    private static string Abbreviate(string value) => value.Length <= 40 ? value : value[..37] + "...";
}
