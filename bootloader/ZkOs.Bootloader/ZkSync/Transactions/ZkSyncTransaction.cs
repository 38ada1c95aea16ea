// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Conformance;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// The Era <c>Transaction</c> tuple that ZKsync OS receives as an ABI-encoded body
/// (reference/zksync-os.md §5.2). One shape carries every type; the reserved words change meaning
/// with <see cref="TxType"/> (see <see cref="IsEip155"/>, <see cref="IsDeployment"/>,
/// <see cref="TotalDeposited"/>, <see cref="RefundRecipient"/>).
/// </summary>
/// <remarks>
/// Equality is by value, byte sequences and lists included, so a parse/encode round trip can be
/// compared with <c>==</c>. <see cref="ZkSyncTransactionEncoder"/> writes any value; only the ones
/// that obey the structural rules parse back (<see cref="ZkSyncTransactionParser.CheckStructure"/>).
/// </remarks>
public sealed record ZkSyncTransaction
{
    // Fields behind init-only properties: callers see an immutable record; the parser refills one
    // instance per processor (Refill) so a proving run allocates no transaction.
    private byte _txType;
    private Address _from;
    private Address _to;
    private ulong _gasLimit;
    private uint _gasPerPubdataLimit;
    private UInt128 _maxFeePerGas;
    private UInt128 _maxPriorityFeePerGas;
    private Address _paymaster;
    private UInt256 _nonce;
    private UInt256 _value;
    private UInt256 _reserved0;
    private UInt256 _reserved1;
    private UInt256 _reserved2;
    private UInt256 _reserved3;
    private ReadOnlyMemory<byte> _data;
    private ReadOnlyMemory<byte> _signature;
    private IReadOnlyList<Bytes32> _factoryDeps = [];
    private ReadOnlyMemory<byte> _paymasterInput;
    private IReadOnlyList<AccessListEntry>? _accessList;

    /// <summary>Legacy Ethereum transaction (EIP-155 or not, see <see cref="IsEip155"/>).</summary>
    public const byte LegacyType = 0x00;

    /// <summary>EIP-2930 (access list) transaction.</summary>
    public const byte Eip2930Type = 0x01;

    /// <summary>EIP-1559 (dynamic fee) transaction.</summary>
    public const byte Eip1559Type = 0x02;

    /// <summary>EIP-712 signed ZKsync transaction: paymasters, factory deps, contract accounts.</summary>
    public const byte Eip712Type = 0x71;

    /// <summary>Protocol upgrade transaction (upstream later moved it to 0x7E).</summary>
    public const byte UpgradeType = 0xFE;

    /// <summary>L1→L2 priority transaction (upstream later moved it to 0x7F).</summary>
    public const byte L1ToL2Type = 0xFF;

    public required byte TxType { get => _txType; init => _txType = value; }

    public Address From { get => _from; init => _from = value; }

    /// <summary>The callee; zero for a deployment (<see cref="IsDeployment"/>).</summary>
    public Address To { get => _to; init => _to = value; }

    public ulong GasLimit { get => _gasLimit; init => _gasLimit = value; }

    /// <summary>Only read for 0x71; the other types use the default of 1 gas per pubdata byte.</summary>
    public uint GasPerPubdataLimit { get => _gasPerPubdataLimit; init => _gasPerPubdataLimit = value; }

    /// <summary>The gas price for types 0 and 1, which must then equal <see cref="MaxPriorityFeePerGas"/>.</summary>
    public UInt128 MaxFeePerGas { get => _maxFeePerGas; init => _maxFeePerGas = value; }

    public UInt128 MaxPriorityFeePerGas { get => _maxPriorityFeePerGas; init => _maxPriorityFeePerGas = value; }

    /// <summary>Zero unless a 0x71 transaction names a paymaster.</summary>
    public Address Paymaster { get => _paymaster; init => _paymaster = value; }

    /// <summary>Any 256-bit value is encodable; validation requires it to fit in 64 bits.</summary>
    public UInt256 Nonce { get => _nonce; init => _nonce = value; }

    public UInt256 Value { get => _value; init => _value = value; }

    /// <summary>Type 0: nonzero means EIP-155 (chain id in the signed hash). 0xFE/0xFF: the total deposit. Else 0.</summary>
    public UInt256 Reserved0 { get => _reserved0; init => _reserved0 = value; }

    /// <summary>Types 0/1/2: nonzero means deployment. 0xFE/0xFF: the refund recipient. 0x71: 0.</summary>
    public UInt256 Reserved1 { get => _reserved1; init => _reserved1 = value; }

    /// <summary>Unused; must be 0.</summary>
    public UInt256 Reserved2 { get => _reserved2; init => _reserved2 = value; }

    /// <summary>Unused; must be 0.</summary>
    public UInt256 Reserved3 { get => _reserved3; init => _reserved3 = value; }

    /// <summary>Calldata, or initcode for a deployment.</summary>
    public ReadOnlyMemory<byte> Data { get => _data; init => _data = value; }

    /// <summary><c>r ‖ s ‖ v</c> (65 bytes, v = 27/28) for L2 types; empty for 0xFE/0xFF.</summary>
    public ReadOnlyMemory<byte> Signature { get => _signature; init => _signature = value; }

    /// <summary>Bytecode hashes; accepted for 0x71/0xFE/0xFF and otherwise ignored by ZKsync OS.</summary>
    public IReadOnlyList<Bytes32> FactoryDeps { get => _factoryDeps; init => _factoryDeps = value; }

    /// <summary>Input for the paymaster (0x71 only).</summary>
    public ReadOnlyMemory<byte> PaymasterInput { get => _paymasterInput; init => _paymasterInput = value; }

    /// <summary>
    /// The access list carried in <c>reserved_dynamic</c>. Null when <c>reserved_dynamic</c> is the
    /// empty byte string (the form L1 and upgrade transactions use); an empty list when it encodes
    /// <c>[[]]</c>. Both warm nothing and hash alike in every signed hash, but they are different
    /// bodies, so the L1 hash and a round trip tell them apart.
    /// </summary>
    public IReadOnlyList<AccessListEntry>? AccessList { get => _accessList; init => _accessList = value; }

    /// <summary>The four reserved words in order.</summary>
    public IReadOnlyList<UInt256> Reserved => [Reserved0, Reserved1, Reserved2, Reserved3];

    public bool IsL1 => TxType == L1ToL2Type;

    public bool IsUpgrade => TxType == UpgradeType;

    /// <summary>0xFF or 0xFE: no signature, no nonce, value minted, fee minted, refund to <see cref="RefundRecipient"/>.</summary>
    public bool IsL1OrUpgrade => TxType is L1ToL2Type or UpgradeType;

    public bool IsEip712 => TxType == Eip712Type;

    /// <summary>A type-0 transaction whose signed hash includes the chain id (<c>reserved[0] != 0</c>).</summary>
    public bool IsEip155 => TxType == LegacyType && Reserved0 != UInt256.Zero;

    /// <summary>An Ethereum-typed (0/1/2) transaction with <c>reserved[1] != 0</c>: <c>to</c> is null and <see cref="Data"/> is initcode.</summary>
    public bool IsDeployment => (TxType is LegacyType or Eip2930Type or Eip1559Type) && Reserved1 != UInt256.Zero;

    public bool HasPaymaster => !Paymaster.IsZero;

    /// <summary>For 0xFE/0xFF, <c>reserved[0]</c>: what L1 deposited for value plus fees; null for other types.</summary>
    public UInt256? TotalDeposited => IsL1OrUpgrade ? Reserved0 : null;

    /// <summary>
    /// For 0xFE/0xFF, the low 160 bits of <c>reserved[1]</c>, who receives the refund; null for other
    /// types. The snapshot does not check the high bits either ("TODO: validate address?").
    /// </summary>
    public Address? RefundRecipient => IsL1OrUpgrade ? Address.FromUInt256(Reserved1) : null;

    /// <summary>
    /// Overwrites every field: the parser's in-place target (<see cref="ZkSyncTransactionParser.ParseInto"/>).
    /// Only for an instance its owner reuses; a record handed out is never refilled.
    /// </summary>
    internal void Refill(
        byte txType,
        Address from,
        Address to,
        ulong gasLimit,
        uint gasPerPubdataLimit,
        UInt128 maxFeePerGas,
        UInt128 maxPriorityFeePerGas,
        Address paymaster,
        UInt256 nonce,
        UInt256 value,
        UInt256 reserved0,
        UInt256 reserved1,
        UInt256 reserved2,
        UInt256 reserved3,
        ReadOnlyMemory<byte> data,
        ReadOnlyMemory<byte> signature,
        IReadOnlyList<Bytes32> factoryDeps,
        ReadOnlyMemory<byte> paymasterInput,
        IReadOnlyList<AccessListEntry>? accessList)
    {
        _txType = txType;
        _from = from;
        _to = to;
        _gasLimit = gasLimit;
        _gasPerPubdataLimit = gasPerPubdataLimit;
        _maxFeePerGas = maxFeePerGas;
        _maxPriorityFeePerGas = maxPriorityFeePerGas;
        _paymaster = paymaster;
        _nonce = nonce;
        _value = value;
        _reserved0 = reserved0;
        _reserved1 = reserved1;
        _reserved2 = reserved2;
        _reserved3 = reserved3;
        _data = data;
        _signature = signature;
        _factoryDeps = factoryDeps;
        _paymasterInput = paymasterInput;
        _accessList = accessList;
    }

    public bool Equals(ZkSyncTransaction? other) =>
        other is not null
        && TxType == other.TxType
        && From == other.From
        && To == other.To
        && GasLimit == other.GasLimit
        && GasPerPubdataLimit == other.GasPerPubdataLimit
        && MaxFeePerGas == other.MaxFeePerGas
        && MaxPriorityFeePerGas == other.MaxPriorityFeePerGas
        && Paymaster == other.Paymaster
        && Nonce == other.Nonce
        && Value == other.Value
        && Reserved0 == other.Reserved0
        && Reserved1 == other.Reserved1
        && Reserved2 == other.Reserved2
        && Reserved3 == other.Reserved3
        && Data.Span.SequenceEqual(other.Data.Span)
        && Signature.Span.SequenceEqual(other.Signature.Span)
        && FactoryDeps.SequenceEqual(other.FactoryDeps)
        && PaymasterInput.Span.SequenceEqual(other.PaymasterInput.Span)
        && AccessListsEqual(AccessList, other.AccessList);

    // Cheap fields only: equal values must hash alike, and the byte payloads can be megabytes.
    public override int GetHashCode() =>
        HashCode.Combine(TxType, From, To, GasLimit, Nonce, Value, Data.Length, FactoryDeps.Count);

    private static bool AccessListsEqual(IReadOnlyList<AccessListEntry>? a, IReadOnlyList<AccessListEntry>? b)
    {
        if (a is null || b is null)
            return a is null && b is null;
        if (a.Count != b.Count)
            return false;
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i].Address != b[i].Address || !a[i].StorageKeys.SequenceEqual(b[i].StorageKeys))
                return false;
        }
        return true;
    }
}
