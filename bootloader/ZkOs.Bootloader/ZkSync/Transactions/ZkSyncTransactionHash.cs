// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// A transaction hash and what computing it cost: the input length of every Keccak-256 call made,
/// in order. The policy charges keccak native per call (a short call still pays a whole round), so
/// it needs the lengths, not just their sum; the snapshot charges exactly these lengths.
/// </summary>
/// <remarks>A struct with the lengths inline, so hashing a transaction allocates nothing.</remarks>
public readonly record struct ZkSyncTransactionHash(Bytes32 Hash, KeccakInputs Inputs)
{
    /// <summary>The input length of each call, in order (a new array).</summary>
    public IReadOnlyList<int> KeccakInputLengths => Inputs.ToArray();

    /// <summary>Bytes hashed over all calls.</summary>
    public long KeccakInputBytes => Inputs.Bytes();

    /// <summary>Native for all calls: Σ <c>2500 + 17500·max(1, ⌈len/136⌉)</c> (reference/zksync-os.md §10.16).</summary>
    public ulong KeccakNative => Inputs.Native();
}
