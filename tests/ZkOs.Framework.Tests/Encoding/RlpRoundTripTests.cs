// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Tests.Encoding;

public class RlpRoundTripTests
{
    private static readonly Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(1000);

    [Fact]
    public void EncodeBytes_AnyBytes_DecodesBackWithPredictedLength()
    {
        var prop = Prop.ForAll(LongBytes().ToArbitrary(), bytes =>
        {
            var encoded = Rlp.EncodeBytes(bytes);
            var reader = new RlpReader(encoded);
            var decoded = reader.ReadBytes().ToArray();
            reader.RequireEnd();
            return encoded.Length == RlpLength.OfBytes(bytes) && decoded.AsSpan().SequenceEqual(bytes);
        });
        Check.One(Config, prop);
    }

    [Fact]
    public void EncodeUInt64_AnyValue_DecodesBackWithPredictedLength()
    {
        var prop = Prop.ForAll(Scalars().ToArbitrary(), value =>
        {
            var encoded = Rlp.EncodeUInt64(value);
            var reader = new RlpReader(encoded);
            bool ok = reader.ReadUInt64() == value && reader.IsEnd && encoded.Length == RlpLength.OfUInt64(value);
            // An integer is a string of its minimal big-endian bytes.
            var minimal = new RlpReader(encoded).ReadBytes();
            return ok && (minimal.IsEmpty ? value == 0 : minimal[0] != 0);
        });
        Check.One(Config, prop);
    }

    [Fact]
    public void EncodeUInt256_AnyValue_DecodesBackWithPredictedLength()
    {
        var words = Gen.Zip(Gen.Zip(Scalars(), Scalars()), Gen.Zip(Gen.Zip(Scalars(), Scalars()), Gen.Choose(1, 4)))
            .Select(t =>
            {
                var ((u0, u1), ((u2, u3), limbs)) = t;
                // Vary the width so every limb count (and so every length) is exercised.
                return new UInt256(u0, limbs > 1 ? u1 : 0, limbs > 2 ? u2 : 0, limbs > 3 ? u3 : 0);
            });
        var prop = Prop.ForAll(words.ToArbitrary(), value =>
        {
            var encoded = Rlp.EncodeUInt256(value);
            var reader = new RlpReader(encoded);
            bool ok = Same(reader.ReadUInt256(), value) && reader.IsEnd && encoded.Length == RlpLength.OfUInt256(value);
            // Same value, same encoding as the 32-byte big-endian form with leading zeros stripped.
            var bytes = Bytes32.FromUInt256(value).ToArray().SkipWhile(b => b == 0).ToArray();
            return ok && encoded.AsSpan().SequenceEqual(Rlp.EncodeBytes(bytes));
        });
        Check.One(Config, prop);
    }

    [Fact]
    public void EncodeTree_AnyNesting_DecodesBackToSameBytes()
    {
        var prop = Prop.ForAll(Trees().ToArbitrary(), tree =>
        {
            var encoded = RlpTestData.Encode(tree);
            return RlpTestData.Encode(RlpTestData.Decode(encoded)).AsSpan().SequenceEqual(encoded);
        });
        Check.One(Config, prop);
    }

    [Fact]
    public void Decode_MutatedEncoding_RejectsOrIsCanonical()
    {
        // Strictness means every accepted input is the unique encoding of what it decodes to.
        var mutated = Gen.Zip(Trees(), Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 255)))
            .Select(t =>
            {
                var (tree, (position, value)) = t;
                var bytes = RlpTestData.Encode(tree);
                bytes[position % bytes.Length] = (byte)value;
                return bytes;
            });
        var prop = Prop.ForAll(mutated.ToArbitrary(), bytes =>
        {
            object decoded;
            try
            {
                decoded = RlpTestData.Decode(bytes);
            }
            catch (RlpException)
            {
                return true;
            }
            return RlpTestData.Encode(decoded).AsSpan().SequenceEqual(bytes);
        });
        Check.One(Config, prop);
    }

    // Field-wise, so the test does not depend on which operators UInt256 defines.
    private static bool Same(UInt256 a, UInt256 b) => a.U0 == b.U0 && a.U1 == b.U1 && a.U2 == b.U2 && a.U3 == b.U3;

    /// <summary>Byte strings around the 1-byte, 55/56-byte and 255/256-byte length boundaries.</summary>
    private static Gen<byte[]> LongBytes() =>
        Gen.OneOf(
            Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)),
            Gen.Choose(50, 60).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)),
            Gen.Choose(0, 300).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n)));

    /// <summary>ulongs of every byte width, so each encoded length appears often.</summary>
    private static Gen<ulong> Scalars() =>
        Gen.Zip(Gen.Zip(Gen.Choose(int.MinValue, int.MaxValue), Gen.Choose(int.MinValue, int.MaxValue)), Gen.Choose(0, 64))
            .Select(t =>
            {
                var ((high, low), width) = t;
                ulong random = ((ulong)(uint)high << 32) | (uint)low;
                return width == 0 ? 0 : random >> (64 - width);
            });

    private static Gen<object> Trees() => Gen.Sized(size => Tree(Math.Min(size, 6)));

    private static Gen<object> Tree(int depth)
    {
        var leaf = LongBytes().Select(b => (object)b);
        if (depth == 0)
            return leaf;
        var list = Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Tree(depth - 1), n)).Select(items => (object)items);
        return Gen.Frequency((2, leaf), (1, list));
    }
}
