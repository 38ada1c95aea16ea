// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>
/// What <see cref="PubdataWriter"/> needs of one touched slot: its flat key and its diff. Implemented by
/// the <see cref="StateDiff"/> records a forward run hands out and by the <see cref="StateDiffEntry"/>
/// values a proving run writes its pubdata from without an object per slot.
/// </summary>
public interface IStateDiff
{
    /// <summary><c>blake2s(0^12 ‖ address ‖ key)</c> of the slot, written before the diff.</summary>
    Bytes32 FlatKey { get; }

    /// <summary>Whether the slot's value changed over the block; unchanged slots are not published.</summary>
    bool IsChanged { get; }

    /// <summary>Bytes of the diff after the 32-byte key. Only meaningful when <see cref="IsChanged"/>.</summary>
    int DiffLength { get; }

    /// <summary>Writes the diff (not the key) to the start of <paramref name="destination"/>; returns <see cref="DiffLength"/>.</summary>
    int WriteDiff(Span<byte> destination);
}
