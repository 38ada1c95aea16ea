// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Encoding.Rlp;

/// <summary>
/// Why RLP input was rejected. The decoder is strict: every value has exactly one accepted
/// encoding, so that re-encoding decoded data reproduces the input (and its hash).
/// </summary>
public enum RlpError
{
    /// <summary>An item was expected but the input, or the enclosing list's payload, is exhausted.</summary>
    UnexpectedEnd = 1,

    /// <summary>A header declares more bytes (length bytes or payload) than remain.</summary>
    LengthBeyondInput,

    /// <summary>A single byte below 0x80 was wrapped as a one-byte string (0x81 xx); it must stand alone.</summary>
    NonCanonicalSingleByte,

    /// <summary>The long length form (0xb8+ / 0xf8+) was used for a payload shorter than 56 bytes.</summary>
    NonCanonicalLongLength,

    /// <summary>A long-form length starts with a zero byte.</summary>
    LengthLeadingZero,

    /// <summary>Bytes follow the last item that was expected (<see cref="RlpReader.RequireEnd"/>).</summary>
    TrailingBytes,

    /// <summary>An integer has leading zero bytes (zero itself must be the empty string, 0x80).</summary>
    ScalarLeadingZero,

    /// <summary>An integer is longer than the target type (more than 8 bytes for ulong, 32 for UInt256).</summary>
    ScalarTooLong,

    /// <summary>A list was found where a string (bytes, integer, address) was expected.</summary>
    ExpectedString,

    /// <summary>A string was found where a list was expected.</summary>
    ExpectedList,

    /// <summary>A fixed-size string (address, 32-byte word) has another length.</summary>
    WrongLength,
}
