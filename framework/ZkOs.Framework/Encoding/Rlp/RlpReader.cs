// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Encoding.Rlp;

/// <summary>
/// Reads RLP items one after another from a span, strictly: only the canonical encoding of each
/// value is accepted, so decoding and re-encoding reproduces the input byte for byte (a
/// transaction's hash stays its hash). Any violation throws <see cref="RlpException"/> naming the
/// rule (<see cref="RlpError"/>) and the offset in the top-level input. Valid input never throws.
/// </summary>
/// <remarks>
/// Strings are returned as slices of the input, not copies. A top-level decode should end with
/// <see cref="RequireEnd"/>, and so should a list whose item count is fixed.
/// </remarks>
public ref struct RlpReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset; // offset of _data[0] in the top-level input, for error messages
    private int _position;

    public RlpReader(ReadOnlySpan<byte> data)
        : this(data, 0)
    {
    }

    private RlpReader(ReadOnlySpan<byte> data, int baseOffset)
    {
        _data = data;
        _baseOffset = baseOffset;
        _position = 0;
    }

    /// <summary>True when no items remain (in the input, or in the list this reader was entered into).</summary>
    public readonly bool IsEnd => _position >= _data.Length;

    /// <summary>Offset of the next item in the top-level input.</summary>
    public readonly int Position => _baseOffset + _position;

    /// <summary>Bytes left to read.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Whether the next item is a string or a list (from its first byte; nothing is validated or consumed).</summary>
    /// <exception cref="RlpException"><see cref="RlpError.UnexpectedEnd"/> when no item remains.</exception>
    public readonly RlpKind PeekKind()
    {
        if (_position >= _data.Length)
            Throw(RlpError.UnexpectedEnd, _position, "expected an item but the input ends here");
        return _data[_position] >= 0xC0 ? RlpKind.List : RlpKind.String;
    }

    /// <summary>The next item, which must be a string; returns its payload (a slice of the input).</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        int start = _position;
        if (ReadHeader(out int payloadStart, out int payloadLength))
            Throw(RlpError.ExpectedString, start, "expected a string but found a list");
        return _data.Slice(payloadStart, payloadLength);
    }

    /// <summary>The next item as an unsigned integer of at most 8 bytes, minimal big-endian.</summary>
    public ulong ReadUInt64()
    {
        int start = _position;
        var bytes = ReadBytes();
        CheckScalar(bytes, sizeof(ulong), start);
        ulong value = 0;
        foreach (byte b in bytes)
            value = (value << 8) | b;
        return value;
    }

    /// <summary>The next item as an unsigned integer of at most 32 bytes, minimal big-endian.</summary>
    public UInt256 ReadUInt256()
    {
        int start = _position;
        var bytes = ReadBytes();
        CheckScalar(bytes, 32, start);
        // Limbs from the least significant end: each takes up to 8 bytes off the tail.
        ulong u0 = ReadLimb(ref bytes), u1 = ReadLimb(ref bytes), u2 = ReadLimb(ref bytes), u3 = ReadLimb(ref bytes);
        return new UInt256(u0, u1, u2, u3);
    }

    /// <summary>The next item as an address: a string of exactly 20 bytes.</summary>
    public Address ReadAddress()
    {
        int start = _position;
        var bytes = ReadBytes();
        if (bytes.Length != Address.Size)
            ThrowWrongLength(start, Address.Size, bytes.Length, "an address");
        return new Address(bytes);
    }

    /// <summary>
    /// The next item as an address, or the empty string for "none" (a transaction's <c>to</c> field
    /// in a contract creation). Returns false, with <see cref="Address.Zero"/>, for the empty string.
    /// </summary>
    public bool ReadAddressOrEmpty(out Address address)
    {
        int start = _position;
        var bytes = ReadBytes();
        if (bytes.IsEmpty)
        {
            address = default;
            return false;
        }
        if (bytes.Length != Address.Size)
            ThrowWrongLength(start, Address.Size, bytes.Length, "an address (or empty)");
        address = new Address(bytes);
        return true;
    }

    /// <summary>The next item as a string of exactly 32 bytes (a hash, a storage key).</summary>
    public Bytes32 ReadBytes32()
    {
        int start = _position;
        var bytes = ReadBytes();
        if (bytes.Length != Bytes32.Size)
            ThrowWrongLength(start, Bytes32.Size, bytes.Length, "a 32-byte value");
        return new Bytes32(bytes);
    }

    /// <summary>
    /// Consumes the next item, which must be a list, and returns a reader over its payload.
    /// Offsets reported by that reader still count from the start of the top-level input.
    /// </summary>
    public RlpReader EnterList()
    {
        int start = _position;
        if (!ReadHeader(out int payloadStart, out int payloadLength))
            Throw(RlpError.ExpectedList, start, "expected a list but found a string");
        return new RlpReader(_data.Slice(payloadStart, payloadLength), _baseOffset + payloadStart);
    }

    /// <summary>The next item's whole encoding (header and payload), validated as far as its header.</summary>
    public ReadOnlySpan<byte> ReadEncodedItem()
    {
        int start = _position;
        ReadHeader(out _, out _);
        return _data[start.._position];
    }

    /// <summary>Skips the next item (its header is validated, its contents are not).</summary>
    public void SkipItem() => ReadHeader(out _, out _);

    /// <summary>Fails with <see cref="RlpError.TrailingBytes"/> unless every byte has been consumed.</summary>
    public readonly void RequireEnd()
    {
        if (_position < _data.Length)
            Throw(RlpError.TrailingBytes, _position, $"{_data.Length - _position} unexpected bytes after the last expected item");
    }

    /// <summary>
    /// Decodes and validates the next item's header and moves past the whole item. Returns true
    /// for a list; the payload's place is given relative to <see cref="_data"/>.
    /// </summary>
    private bool ReadHeader(out int payloadStart, out int payloadLength)
    {
        int start = _position;
        int available = _data.Length - start;
        if (available <= 0)
            Throw(RlpError.UnexpectedEnd, start, "expected an item but the input ends here");

        byte prefix = _data[start];
        if (prefix < 0x80)
        {
            _position = start + 1;
            payloadStart = start;
            payloadLength = 1;
            return false;
        }

        bool isList = prefix >= 0xC0;
        int shortBase = isList ? 0xC0 : 0x80;
        int length;
        int headerLength;
        if (prefix - shortBase < 56)
        {
            length = prefix - shortBase;
            headerLength = 1;
            if (length > available - 1)
                ThrowBeyondInput(start, (ulong)length, available - 1);
            if (!isList && length == 1 && _data[start + 1] < 0x80)
                Throw(RlpError.NonCanonicalSingleByte, start, $"byte 0x{_data[start + 1]:x2} is wrapped as a one-byte string; it must be encoded as itself");
        }
        else
        {
            int lengthOfLength = prefix - shortBase - 55;
            headerLength = 1 + lengthOfLength;
            if (lengthOfLength > available - 1)
                Throw(RlpError.LengthBeyondInput, start, $"the header needs {lengthOfLength} length bytes but only {available - 1} remain");
            if (_data[start + 1] == 0)
                Throw(RlpError.LengthLeadingZero, start, "the long-form length starts with a zero byte");
            ulong declared = 0;
            for (int i = 1; i <= lengthOfLength; i++)
                declared = (declared << 8) | _data[start + i];
            if (declared < 56)
                Throw(RlpError.NonCanonicalLongLength, start, $"the long length form is used for a payload of {declared} bytes; below 56 the short form is required");
            if (declared > (ulong)(available - headerLength))
                ThrowBeyondInput(start, declared, available - headerLength);
            length = (int)declared;
        }

        _position = start + headerLength + length;
        payloadStart = start + headerLength;
        payloadLength = length;
        return isList;
    }

    private readonly void CheckScalar(ReadOnlySpan<byte> bytes, int maxLength, int start)
    {
        if (bytes.Length > maxLength)
            Throw(RlpError.ScalarTooLong, start, $"an integer of {bytes.Length} bytes does not fit in {maxLength} bytes");
        if (bytes.Length > 0 && bytes[0] == 0)
            Throw(RlpError.ScalarLeadingZero, start, "an integer has a leading zero byte (zero must be encoded as 0x80)");
    }

    /// <summary>Takes up to 8 bytes off the end of <paramref name="bytes"/> as a big-endian limb.</summary>
    private static ulong ReadLimb(ref ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8)
        {
            ulong limb = BinaryPrimitives.ReadUInt64BigEndian(bytes[^8..]);
            bytes = bytes[..^8];
            return limb;
        }
        ulong value = 0;
        foreach (byte b in bytes)
            value = (value << 8) | b;
        bytes = default;
        return value;
    }

    [DoesNotReturn]
    private readonly void ThrowBeyondInput(int start, ulong declared, int remaining) =>
        Throw(RlpError.LengthBeyondInput, start, $"the header declares {declared} payload bytes but only {remaining} remain");

    [DoesNotReturn]
    private readonly void ThrowWrongLength(int start, int expected, int actual, string what) =>
        Throw(RlpError.WrongLength, start, $"expected {expected} bytes for {what}, got {actual}");

    [DoesNotReturn]
    private readonly void Throw(RlpError error, int localOffset, string detail) =>
        throw new RlpException(error, _baseOffset + localOffset, detail);
}
