// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Transactions;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>
/// Malformed bodies: mutated valid ones and plain noise. The parser must refuse them with its own
/// exception and nothing else, and whatever it accepts must be canonical (re-encode to the same bytes)
/// and hashable.
/// </summary>
public sealed class ZkSyncTransactionFuzzTests
{
    [Fact]
    public void MutatedBodiesFailOnlyWithTheParsersException()
    {
        var cases = Gen.Zip(ZkSyncTransactionGenerators.AnyTransaction, Gen.Choose(0, int.MaxValue)).ToArbitrary();
        int accepted = 0, refused = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(cases, t =>
        {
            var (tx, seed) = t;
            var body = Mutate(ZkSyncTransactionEncoder.Encode(tx), new Random(seed));
            if (Exercise(body))
                accepted++;
            else
                refused++;
        }));
        // Both outcomes must occur, or the mutations are too tame (or too wild) to test anything.
        Assert.True(refused > 1000, $"only {refused} refused");
        Assert.True(accepted > 30, $"only {accepted} accepted");
    }

    [Fact]
    public void RandomBytesFailOnlyWithTheParsersException()
    {
        var noise = Gen.Choose(0, 2000).SelectMany(n => Gen.ArrayOf(ZkSyncTransactionGenerators.Byte, n)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(noise, body => { Exercise(body); }));
    }

    [Fact]
    public void EveryTruncationOfAValidBodyIsRefused()
    {
        var tx = ZkSyncTransactionGenerators.Transaction(ZkSyncTransaction.Eip2930Type)
            .Where(t => t.AccessList is { Count: > 1 })
            .Sample(30, 1)[0];
        var body = ZkSyncTransactionEncoder.Encode(tx);
        for (int length = 0; length < body.Length; length++)
        {
            var error = Assert.Throws<ZkSyncTransactionException>(() => ZkSyncTransactionParser.Parse(body.AsSpan(0, length)));
            Assert.Equal(InvalidTransaction.InvalidEncoding, error.Kind);
        }
    }

    // Parses; on success checks canonicity and that both hashes can be taken. Returns whether accepted.
    private static bool Exercise(byte[] body)
    {
        ZkSyncTransaction tx;
        try
        {
            tx = ZkSyncTransactionParser.Parse(body);
        }
        catch (ZkSyncTransactionException error)
        {
            Assert.True(error.Kind is InvalidTransaction.InvalidEncoding or InvalidTransaction.InvalidStructure);
            Assert.False(ZkSyncTransactionParser.TryParse(body, out _, out var returned));
            Assert.Equal(error.Message, returned!.Message);
            return false;
        }
        Assert.Equal(body, ZkSyncTransactionEncoder.Encode(tx));
        var txHash = ZkSyncTransactionHashes.TxHash(tx, 270);
        Assert.NotEmpty(txHash.KeccakInputLengths);
        if (tx.IsL1OrUpgrade)
            Assert.Equal(ZkSyncTransactionHashes.L1TxHash(body).Hash, txHash.Hash);
        else
            Assert.NotEmpty(ZkSyncTransactionHashes.SignedHash(tx, 270).KeccakInputLengths);
        return true;
    }

    // A few structure-aware mutations: ABI bodies break at words, lengths and offsets, so those get
    // targeted more often than plain bit flips would.
    private static byte[] Mutate(byte[] body, Random random)
    {
        int rounds = random.Next(1, 4);
        for (int round = 0; round < rounds; round++)
        {
            int words = body.Length / 32;
            switch (random.Next(8))
            {
                case 0: // flip one bit
                    if (body.Length > 0)
                        body[random.Next(body.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // one random byte
                    if (body.Length > 0)
                        body[random.Next(body.Length)] = (byte)random.Next(256);
                    break;
                case 2: // an interesting value into a whole word
                    if (words > 0)
                    {
                        var word = body.AsSpan(random.Next(words) * 32, 32);
                        word.Clear();
                        long[] interesting = [0, 1, 27, 0x20, 0x40, 608, body.Length, body.Length - 32, uint.MaxValue, int.MaxValue, random.Next()];
                        BinaryPrimitives.WriteInt64BigEndian(word[24..], interesting[random.Next(interesting.Length)]);
                        if (random.Next(8) == 0)
                            word[random.Next(24)] = 1;
                    }
                    break;
                case 3: // nudge a low byte (lengths and offsets) up or down
                    if (words > 0)
                    {
                        int at = (random.Next(words) * 32) + 31;
                        body[at] = (byte)(body[at] + random.Next(-40, 41));
                    }
                    break;
                case 4: // truncate
                    body = body[..random.Next(body.Length + 1)];
                    break;
                case 5: // append
                    body = [.. body, .. new byte[random.Next(1, 70)]];
                    break;
                case 6: // drop or duplicate a word
                    if (words > 0)
                    {
                        int at = random.Next(words) * 32;
                        body = random.Next(2) == 0
                            ? [.. body[..at], .. body[(at + 32)..]]
                            : [.. body[..(at + 32)], .. body[at..]];
                    }
                    break;
                default: // the type byte
                    if (body.Length > 31)
                        body[31] = random.Next(2) == 0 ? ZkSyncTransactionGenerators.Types[random.Next(6)] : (byte)random.Next(256);
                    break;
            }
        }
        return body;
    }
}
