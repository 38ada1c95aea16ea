// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Accounts;

namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>
/// A <see cref="StateDiff"/> as a value: either a storage value diff or an account-properties diff,
/// published exactly as the matching record would be. The block finish builds one per changed slot;
/// a proving run writes its pubdata from these, so its finish allocates no object per slot, and a
/// forward run turns them into records (<see cref="ToStateDiff"/>) for its caller.
/// </summary>
public readonly struct StateDiffEntry : IStateDiff
{
    private readonly Bytes32 _initialValue;
    private readonly Bytes32 _finalValue;
    private readonly AccountProperties _initialAccount;
    private readonly AccountProperties _finalAccount;
    private readonly ReadOnlyMemory<byte> _bytecode;
    private readonly bool _isAccount;
    private readonly bool _notPublishBytecode;

    private StateDiffEntry(
        Bytes32 flatKey, bool isAccount, Bytes32 initialValue, Bytes32 finalValue,
        in AccountProperties initialAccount, in AccountProperties finalAccount, ReadOnlyMemory<byte> bytecode, bool notPublishBytecode)
    {
        FlatKey = flatKey;
        _isAccount = isAccount;
        _initialValue = initialValue;
        _finalValue = finalValue;
        _initialAccount = initialAccount;
        _finalAccount = finalAccount;
        _bytecode = bytecode;
        _notPublishBytecode = notPublishBytecode;
    }

    /// <summary>A plain storage slot, as <see cref="StorageValueDiff"/>.</summary>
    public static StateDiffEntry Storage(Bytes32 flatKey, Bytes32 initialValue, Bytes32 finalValue) =>
        new(flatKey, isAccount: false, initialValue, finalValue, default, default, ReadOnlyMemory<byte>.Empty, false);

    /// <summary>An account-properties slot, as <see cref="AccountPropertiesDiff"/> (same parameters).</summary>
    public static StateDiffEntry Account(
        Bytes32 flatKey, in AccountProperties initial, in AccountProperties final, ReadOnlyMemory<byte> bytecode, bool notPublishBytecode) =>
        new(flatKey, isAccount: true, default, default, initial, final, bytecode, notPublishBytecode);

    public Bytes32 FlatKey { get; }

    public bool IsChanged => _isAccount ? _initialAccount != _finalAccount : _initialValue != _finalValue;

    public int DiffLength => _isAccount
        ? AccountDiffCompression.Length(_initialAccount, _finalAccount, _notPublishBytecode)
        : ValueDiffCompression.Length(_initialValue, _finalValue);

    public int WriteDiff(Span<byte> destination) => _isAccount
        ? AccountDiffCompression.Write(_initialAccount, _finalAccount, _bytecode.Span, _notPublishBytecode, destination)
        : ValueDiffCompression.Write(_initialValue, _finalValue, destination);

    /// <summary>The record a forward run hands out for this slot.</summary>
    public StateDiff ToStateDiff() => _isAccount
        ? new AccountPropertiesDiff(FlatKey, _initialAccount, _finalAccount, _bytecode, _notPublishBytecode)
        : new StorageValueDiff(FlatKey, _initialValue, _finalValue);
}
