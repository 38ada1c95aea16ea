// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Pubdata;

namespace ZkOs.System.Tests.ZkSync;

public class ValueDiffCompressionTests
{
    private static readonly UInt256 _max = UInt256.MaxValue;

    [Fact]
    public void Nothing_WhenNoShortFormExists_IsZeroMetadataThenTheFinalValue()
    {
        // Add would be final - initial = 0xfe01…01 (32 bytes), Sub underflows, Transform is 32 bytes.
        var initial = Word("00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff");
        var final = Word("ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00");
        Assert.Equal(ValueDiffKind.Nothing, ValueDiffCompression.Choose(initial, final));
        Assert.Equal("00" + "ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00ff00", Encode(initial, final));
        Assert.Equal(33, ValueDiffCompression.Length(initial, final));
    }

    [Fact]
    public void Add_StoresFinalMinusInitial()
    {
        // 0x0500 → 0x0503: Add 3 (1 byte) beats Transform 0x0503 (2 bytes). Metadata (1 << 3) | 1.
        Assert.Equal("0903", Encode(0x0500, 0x0503));
        Assert.Equal(ValueDiffKind.Add, ValueDiffCompression.Choose(new UInt256(0x0500), new UInt256(0x0503)));
    }

    [Fact]
    public void Sub_StoresInitialMinusFinal()
    {
        // 1000 → 998: Sub 2 (1 byte) beats Transform 0x03e6 (2 bytes); Add underflows. (1 << 3) | 2.
        Assert.Equal("0a02", Encode(1000, 998));
    }

    [Fact]
    public void Transform_StoresTheFinalValueWithoutLeadingZeros()
    {
        // 0xffff…ff → 0x1234: Sub is 32 bytes, Add underflows; Transform is 2 bytes. (2 << 3) | 3.
        Assert.Equal("131234", Encode(_max, new UInt256(0x1234)));
    }

    [Fact]
    public void Transform_OfZero_HasAnEmptyPayload()
    {
        // Clearing a large slot: Sub would be 32 bytes, so Transform with length 0, the single byte 0x03.
        Assert.Equal("03", Encode(new UInt256(0, 0, 0, 0x8000_0000_0000_0000), UInt256.Zero));
    }

    [Fact]
    public void TieBetweenAddAndTransform_KeepsAdd()
    {
        // 1 → 257: Add 0x0100 and Transform 0x0101 are both 2 bytes; Add comes first.
        Assert.Equal("110100", Encode(1, 257));
    }

    [Fact]
    public void TieBetweenSubAndTransform_KeepsSub()
    {
        // 0x0200 → 0x0100: Sub 0x0100 and Transform 0x0100 are both 2 bytes; Sub comes first.
        Assert.Equal("120100", Encode(0x0200, 0x0100));
    }

    [Fact]
    public void EqualValues_GiveAddWithAnEmptyPayload()
    {
        // Add and Sub are both 0 bytes; Add comes first. (Full account diffs rely on this.)
        Assert.Equal("01", Encode(42, 42));
        Assert.Equal("01", Encode(0, 0));
        Assert.Equal(1, ValueDiffCompression.Length(new UInt256(42), new UInt256(42)));
    }

    [Fact]
    public void Add_ThatWouldWrap_IsRefused()
    {
        // max → 5: wrapping final - initial would be 6, one byte, tying Transform and winning as the
        // earlier kind. Add underflows, so Transform it is.
        Assert.Equal("0b05", Encode(_max, new UInt256(5)));
    }

    [Fact]
    public void Sub_ThatWouldWrap_IsRefused()
    {
        // 0 → max: wrapping initial - final would be 1, one byte. Sub underflows, Add and Transform are
        // 32 bytes, so only Nothing is left.
        Assert.Equal("00" + new string('f', 64), Encode(UInt256.Zero, _max));
    }

    [Fact]
    public void ThirtyOneBytePayloads_AreAllowed_ThirtyTwoAreNot()
    {
        var below = new UInt256(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0x00ff_ffff_ffff_ffff); // 2^248 - 1
        Assert.Equal(32, ValueDiffCompression.Length(UInt256.Zero, below)); // Add of 31 bytes: (31 << 3) | 1 = 0xf9
        Assert.Equal("f9" + new string('f', 62), Encode(UInt256.Zero, below));
        var at = below + UInt256.One; // 2^248: 32 bytes, so Nothing
        Assert.Equal(33, ValueDiffCompression.Length(UInt256.Zero, at));
    }

    [Fact]
    public void Bytes32Overloads_ReadTheValuesBigEndian()
    {
        var initial = Bytes32.FromUInt256(new UInt256(0x0500));
        var final = Bytes32.FromUInt256(new UInt256(0x0503));
        Span<byte> buffer = stackalloc byte[33];
        Assert.Equal(2, ValueDiffCompression.Write(initial, final, buffer));
        Assert.Equal("0903", Convert.ToHexStringLower(buffer[..2]));
        Assert.Equal(2, ValueDiffCompression.Length(initial, final));
    }

    [Fact]
    public void Write_RejectsAShortDestination()
    {
        var buffer = new byte[1];
        Assert.Throws<ArgumentException>(() => ValueDiffCompression.Write(new UInt256(1), new UInt256(257), buffer));
    }

    [Fact]
    public void RandomPairs_RoundTripAndAreOptimal()
    {
        var bytes = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32);
        var cases = Gen.Zip(Gen.Zip(bytes, bytes), Gen.Zip(Gen.Choose(0, 5), Gen.Choose(0, 32))).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(cases, t =>
        {
            var ((a, b), (mode, width)) = t;
            var (initial, final) = MakePair(a, b, mode, width);

            var encoded = ValueDiffCompression.Encode(initial, final);
            Assert.Equal(ValueDiffCompression.Length(initial, final), encoded.Length);
            Assert.Equal(final, Decode(initial, encoded, out int consumed));
            Assert.Equal(encoded.Length, consumed);
            Assert.Equal(ExpectedLength(initial, final), encoded.Length);
        }));
    }

    /// <summary>Pairs biased towards the interesting shapes: near values, short values, wide values.</summary>
    private static (UInt256 Initial, UInt256 Final) MakePair(byte[] a, byte[] b, int mode, int width)
    {
        var x = UInt256.ReadBigEndian(a);
        var small = UInt256.ReadBigEndian(b.AsSpan(0, width));
        return mode switch
        {
            0 => (x, UInt256.ReadBigEndian(b)),
            1 => (x, x + small),           // may wrap: then Add must be refused
            2 => (x, x - small),           // may wrap: then Sub must be refused
            3 => (x, small),
            4 => (small, x),
            _ => (UInt256.ReadBigEndian(a.AsSpan(0, width)), small),
        };
    }

    /// <summary>An independent decoder: metadata (len &lt;&lt; 3) | kind, then len big-endian payload bytes.</summary>
    internal static UInt256 Decode(UInt256 initial, ReadOnlySpan<byte> data, out int consumed)
    {
        int kind = data[0] & 7;
        int length = data[0] >> 3;
        if (kind == 0)
        {
            Assert.Equal(0, length);
            consumed = 33;
            return UInt256.ReadBigEndian(data[1..33]);
        }
        Assert.InRange(length, 0, 31);
        consumed = 1 + length;
        var payload = new BigInteger(data[1..consumed], isUnsigned: true, isBigEndian: true);
        var start = initial.ToBigInteger();
        var result = kind switch
        {
            1 => start + payload,
            2 => start - payload,
            3 => payload,
            _ => throw new Xunit.Sdk.XunitException($"not a value diff kind: {kind}"),
        };
        // A valid diff never relies on wrapping.
        Assert.InRange(result, BigInteger.Zero, (BigInteger.One << 256) - 1);
        return UInt256.FromBigInteger(result);
    }

    /// <summary>The optimal length from the rules, on big integers: min over the valid candidates.</summary>
    private static int ExpectedLength(UInt256 initial, UInt256 final)
    {
        var i = initial.ToBigInteger();
        var f = final.ToBigInteger();
        int best = 33;
        foreach (var operand in new[] { f - i, i - f, f })
        {
            if (operand.Sign < 0)
                continue;
            int bytes = operand.IsZero ? 0 : (int)((operand.GetBitLength() + 7) / 8);
            if (bytes < 32)
                best = Math.Min(best, bytes + 1);
        }
        return best;
    }

    private static string Encode(UInt256 initial, UInt256 final) => Convert.ToHexStringLower(ValueDiffCompression.Encode(initial, final));

    private static string Encode(ulong initial, ulong final) => Encode(new UInt256(initial), new UInt256(final));

    private static UInt256 Word(string hex) => UInt256.ReadBigEndian(Convert.FromHexString(hex));
}
