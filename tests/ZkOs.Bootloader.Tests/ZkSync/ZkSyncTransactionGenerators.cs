// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Bootloader.Conformance;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>FsCheck generators of transactions that obey the structural rules of their type.</summary>
internal static class ZkSyncTransactionGenerators
{
    public static readonly byte[] Types =
    [
        ZkSyncTransaction.LegacyType, ZkSyncTransaction.Eip2930Type, ZkSyncTransaction.Eip1559Type,
        ZkSyncTransaction.Eip712Type, ZkSyncTransaction.UpgradeType, ZkSyncTransaction.L1ToL2Type,
    ];

    public static Gen<byte> Byte { get; } = Gen.Choose(0, 255).Select(b => (byte)b);

    public static Gen<byte[]> Bytes(int exactly) => Gen.ArrayOf(Byte, exactly);

    /// <summary>Lengths around the word boundaries matter most for padding, so they come up often.</summary>
    public static Gen<byte[]> Bytes(int min, int max) =>
        Gen.Frequency(
                (3, Gen.Choose(min, max)),
                (2, Gen.Elements(0, 1, 31, 32, 33, 63, 64, 65).Where(n => n >= min && n <= max)))
            .SelectMany(n => Gen.ArrayOf(Byte, n));

    public static Gen<Address> AnyAddress { get; } =
        Gen.Frequency((1, Gen.Constant(Address.Zero)), (4, Bytes(20).Select(b => new Address(b))));

    /// <summary>Numbers of every byte width, zero included, so RLP and range checks see all sizes.</summary>
    public static Gen<UInt256> UInt256Up(int maxBytes) => Bytes(0, maxBytes).Select(b => UInt256.ReadBigEndian(b));

    public static Gen<UInt256> AnyUInt256 { get; } = UInt256Up(32);

    public static Gen<UInt256> NonZeroUInt256 { get; } = AnyUInt256.Where(v => v != UInt256.Zero);

    public static Gen<UInt128> AnyUInt128 { get; } = UInt256Up(16).Select(v => (UInt128)v);

    public static Gen<ulong> AnyUInt64 { get; } = UInt256Up(8).Select(v => (ulong)v);

    public static Gen<uint> AnyUInt32 { get; } = UInt256Up(4).Select(v => (uint)(ulong)v);

    public static Gen<Bytes32> AnyWord { get; } = Bytes(32).Select(b => new Bytes32(b));

    public static Gen<Bytes32[]> AnyFactoryDeps { get; } = Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(AnyWord, n));

    public static Gen<IReadOnlyList<AccessListEntry>> AnyAccessList { get; } =
        Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(
            from address in AnyAddress
            from keyCount in Gen.Choose(0, 3)
            from keys in Gen.ArrayOf(AnyWord, keyCount)
            select new AccessListEntry(address, keys), n))
        .Select(entries => (IReadOnlyList<AccessListEntry>)entries);

    /// <summary>Null (empty <c>reserved_dynamic</c>) or an encoded empty list: all that types without access lists allow.</summary>
    public static Gen<IReadOnlyList<AccessListEntry>?> NoAccessList { get; } =
        Gen.Elements<IReadOnlyList<AccessListEntry>?>(null, Array.Empty<AccessListEntry>());

    public static Gen<IReadOnlyList<AccessListEntry>?> SomeAccessList { get; } =
        Gen.Frequency((1, NoAccessList), (3, AnyAccessList.Select(l => (IReadOnlyList<AccessListEntry>?)l)));

    /// <summary>A valid transaction of <paramref name="type"/>; signatures are random bytes (the parser does not verify them).</summary>
    public static Gen<ZkSyncTransaction> Transaction(byte type) =>
        from common in Common()
        from fees in Gen.Zip(AnyUInt128, AnyUInt128)
        from anyReserved in AnyUInt256
        from nonZeroReserved in NonZeroUInt256
        from flag in Gen.Elements(false, true)
        from signature in Bytes(65)
        from paymaster in AnyAddress
        from paymasterInput in Bytes(0, 70)
        from deps in AnyFactoryDeps
        from accessList in type is ZkSyncTransaction.Eip2930Type or ZkSyncTransaction.Eip1559Type ? SomeAccessList : NoAccessList
        select Shape(type, common, fees, (anyReserved, nonZeroReserved, flag), signature, paymaster, paymasterInput, deps, accessList);

    public static Gen<ZkSyncTransaction> AnyTransaction { get; } = Gen.Elements(Types).SelectMany(Transaction);

    private static Gen<ZkSyncTransaction> Common() =>
        from sender in AnyAddress
        from to in AnyAddress
        from gasLimit in AnyUInt64
        from gasPerPubdata in AnyUInt32
        from nonce in AnyUInt256
        from value in AnyUInt256
        from data in Bytes(0, 100)
        select new ZkSyncTransaction
        {
            TxType = 0,
            From = sender,
            To = to,
            GasLimit = gasLimit,
            GasPerPubdataLimit = gasPerPubdata,
            Nonce = nonce,
            Value = value,
            Data = data,
        };

    // Applies the per-type rules of reference/zksync-os.md §5.2 to random material.
    private static ZkSyncTransaction Shape(
        byte type, ZkSyncTransaction common, (UInt128 Fee, UInt128 Priority) fees,
        (UInt256 Any, UInt256 NonZero, bool Flag) reserved, byte[] signature, Address paymaster,
        byte[] paymasterInput, Bytes32[] deps, IReadOnlyList<AccessListEntry>? accessList)
    {
        var tx = common with { TxType = type, MaxFeePerGas = fees.Fee, MaxPriorityFeePerGas = fees.Priority, AccessList = accessList };
        switch (type)
        {
            case ZkSyncTransaction.LegacyType or ZkSyncTransaction.Eip2930Type or ZkSyncTransaction.Eip1559Type:
                if (type != ZkSyncTransaction.Eip1559Type)
                    tx = tx with { MaxPriorityFeePerGas = fees.Fee };
                // Ethereum types do not use gas_per_pubdata_limit (it must be 0) and their flags are 0 or 1.
                tx = tx with { GasPerPubdataLimit = 0 };
                if (type == ZkSyncTransaction.LegacyType)
                    tx = tx with { Reserved0 = reserved.Flag ? UInt256.One : default };
                // A deployment half of the time: reserved[1] set and no callee.
                if (reserved.Flag)
                    tx = tx with { Reserved1 = UInt256.One, To = default };
                return tx with { Signature = signature };
            case ZkSyncTransaction.Eip712Type:
                return tx with { Paymaster = paymaster, PaymasterInput = paymasterInput, FactoryDeps = deps, Signature = signature };
            default:
                return tx with { Reserved0 = reserved.Any, Reserved1 = reserved.NonZero, FactoryDeps = deps };
        }
    }
}
