// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>
/// One touched slot as the pubdata stream sees it (reference §7.3): the flat tree key and, after
/// it, either a value diff (<see cref="StorageValueDiff"/>) or, for an account-properties slot at
/// 0x8003, the account diff (<see cref="AccountPropertiesDiff"/>).
/// </summary>
/// <remarks>The hierarchy is closed: only those two kinds exist.</remarks>
public abstract record StateDiff : IStateDiff
{
    private protected StateDiff(Bytes32 flatKey) => FlatKey = flatKey;

    /// <summary><c>blake2s(0^12 ‖ address ‖ key)</c> of the slot, written before the diff.</summary>
    public Bytes32 FlatKey { get; }

    /// <summary>
    /// Whether the slot's value changed over the block. Unchanged slots are left out of the
    /// stream and of <c>state_diffs_count</c> (the fixed behaviour; the snapshot still wrote their keys).
    /// </summary>
    public abstract bool IsChanged { get; }

    /// <summary>Bytes of the diff after the 32-byte key. Only meaningful when <see cref="IsChanged"/>.</summary>
    public abstract int DiffLength { get; }

    /// <summary>Writes the diff (not the key) to the start of <paramref name="destination"/>; returns <see cref="DiffLength"/>.</summary>
    public abstract int WriteDiff(Span<byte> destination);
}
