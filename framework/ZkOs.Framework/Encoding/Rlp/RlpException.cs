// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Encoding.Rlp;

/// <summary>Malformed or non-canonical RLP. <see cref="Offset"/> counts from the start of the top-level input.</summary>
public sealed class RlpException : FormatException
{
    public RlpException(RlpError error, int offset, string detail)
        : base($"invalid RLP at offset {offset}: {detail}")
    {
        Error = error;
        Offset = offset;
    }

    /// <summary>Which rule the input broke.</summary>
    public RlpError Error { get; }

    /// <summary>Where: the start of the offending item, or the first unexpected byte.</summary>
    public int Offset { get; }
}
