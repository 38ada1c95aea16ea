// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Primitives;

/// <summary>
/// Malformed hexadecimal text. <see cref="Position"/> is the index in the original text (prefix
/// included) where the problem was found, so callers can point at it in error reports.
/// </summary>
public sealed class HexFormatException : FormatException
{
    public HexFormatException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>Index of the offending character in the input text, counting any "0x" prefix.</summary>
    public int Position { get; }
}
