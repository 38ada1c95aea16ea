// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;

namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// A transaction hash and what computing it cost: the input length of every Keccak-256 call made,
/// in order. The policy charges keccak native per call (a short call still pays a whole round), so
/// it needs the lengths, not just their sum; the snapshot charges exactly these lengths.
/// </summary>
public sealed record ZkSyncTransactionHash(Bytes32 Hash, IReadOnlyList<int> KeccakInputLengths)
{
    /// <summary>Bytes hashed over all calls.</summary>
    public long KeccakInputBytes => KeccakInputLengths.Sum(length => (long)length);

    /// <summary>Native for all calls: Σ <c>2500 + 17500·max(1, ⌈len/136⌉)</c> (reference/zksync-os.md §10.16).</summary>
    public ulong KeccakNative
    {
        get
        {
            ulong total = 0;
            foreach (int length in KeccakInputLengths)
                total += IoSubsystem.KeccakNative(length);
            return total;
        }
    }
}
