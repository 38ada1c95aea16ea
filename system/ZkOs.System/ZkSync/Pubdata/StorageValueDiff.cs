// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>A plain storage slot: its block-initial and final values, published as a value diff.</summary>
public sealed record StorageValueDiff(Bytes32 FlatKey, Bytes32 InitialValue, Bytes32 FinalValue) : StateDiff(FlatKey)
{
    public override bool IsChanged => InitialValue != FinalValue;

    public override int DiffLength => ValueDiffCompression.Length(InitialValue, FinalValue);

    public override int WriteDiff(Span<byte> destination) => ValueDiffCompression.Write(InitialValue, FinalValue, destination);
}
