// SPDX-License-Identifier: MIT
using System.Globalization;

namespace ZkOs.System.Oracle.Csr;

/// <summary>
/// The witness on disk as upstream's CSR dump writes it (reference §6.3): one 32-bit word per line as
/// eight hexadecimal digits, in the order the guest reads them. Plain text, so two witnesses diff
/// line by line; a malformed line is reported with its number.
/// </summary>
public static class WitnessFile
{
    public static void Write(TextWriter writer, IReadOnlyList<uint> words)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(words);
        foreach (var word in words)
        {
            writer.Write(word.ToString("x8", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    public static void Write(string path, IReadOnlyList<uint> words)
    {
        using var writer = new StreamWriter(path);
        Write(writer, words);
    }

    /// <exception cref="WitnessException">A line is not exactly eight hexadecimal digits; the message names it.</exception>
    public static uint[] Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var words = new List<uint>();
        var lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0 && reader.Peek() < 0)
            {
                break;
            }
            if (line.Length != 8 || !uint.TryParse(line, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var word))
            {
                throw new WitnessException($"{name}:{lineNumber}: expected a word as 8 hexadecimal digits, found \"{Shorten(line)}\"");
            }
            words.Add(word);
        }
        return [.. words];
    }

    public static uint[] Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    private static string Shorten(string line) => line.Length <= 32 ? line : line[..32] + "…";
}
