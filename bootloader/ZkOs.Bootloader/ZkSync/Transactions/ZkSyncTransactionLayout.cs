// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// Where things sit in a transaction body (reference/zksync-os.md §5.2): 19 head words, then the five
/// dynamic fields packed back to back from offset 608, each a length word followed by its bytes
/// zero-padded to a whole word. Shared by the parser and the encoder so they cannot disagree.
/// </summary>
internal static class ZkSyncTransactionLayout
{
    public const int WordSize = 32;

    public const int HeadWords = 19;

    /// <summary>19 × 32: <c>data</c> must start right after the head.</summary>
    public const int DataOffset = HeadWords * WordSize;

    /// <summary>MAX_TX_LEN_BYTES: the oracle's buffer holds at most 2^23 body bytes.</summary>
    public const int MaxBodyLength = 1 << 23;

    // Head word indices.
    public const int TxTypeWord = 0;
    public const int FromWord = 1;
    public const int ToWord = 2;
    public const int GasLimitWord = 3;
    public const int GasPerPubdataWord = 4;
    public const int MaxFeeWord = 5;
    public const int MaxPriorityFeeWord = 6;
    public const int PaymasterWord = 7;
    public const int NonceWord = 8;
    public const int ValueWord = 9;
    public const int Reserved0Word = 10;
    public const int DataOffsetWord = 14;
    public const int SignatureOffsetWord = 15;
    public const int FactoryDepsOffsetWord = 16;
    public const int PaymasterInputOffsetWord = 17;
    public const int ReservedDynamicOffsetWord = 18;

    /// <summary>Body offset of head word <paramref name="index"/>.</summary>
    public static int Word(int index) => index * WordSize;

    /// <summary><paramref name="length"/> rounded up to a whole number of words.</summary>
    public static long Padded(long length) => (length + WordSize - 1) / WordSize * WordSize;

    /// <summary>
    /// The offsets of the five dynamic fields and the body's end, for fields of the given sizes.
    /// Longs, because a record may describe a body far beyond what the parser accepts.
    /// </summary>
    public static (long Signature, long FactoryDeps, long PaymasterInput, long ReservedDynamic, long End) Tail(
        long dataLength, long signatureLength, long factoryDepCount, long paymasterInputLength, long reservedDynamicLength)
    {
        long signature = DataOffset + WordSize + Padded(dataLength);
        long factoryDeps = signature + WordSize + Padded(signatureLength);
        long paymasterInput = factoryDeps + WordSize + (factoryDepCount * WordSize);
        long reservedDynamic = paymasterInput + WordSize + Padded(paymasterInputLength);
        long end = reservedDynamic + WordSize + Padded(reservedDynamicLength);
        return (signature, factoryDeps, paymasterInput, reservedDynamic, end);
    }
}
