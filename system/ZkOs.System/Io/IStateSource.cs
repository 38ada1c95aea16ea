// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>
/// Where the IO subsystem finds state it has not seen yet in the block: the storage model's plug point.
/// The Ethereum runs seed everything up front and need none; the ZKsync model answers from the oracle
/// (initial slot values, account-properties preimages, bytecode preimages).
/// </summary>
public interface IStateSource
{
    /// <summary>The account as it stood when the block began, or null when it did not exist.</summary>
    AccountSnapshot? ReadAccount(in Address address);

    /// <summary>
    /// The slot as it stood when the block began. <paramref name="isNew"/> is true when the state has
    /// never held the slot (a new tree leaf in ZKsync: priced higher in native).
    /// </summary>
    UInt256 ReadSlot(in Address address, in UInt256 key, out bool isNew);

    /// <summary>
    /// A preimage the state already knows (a bytecode by its blake2s hash), or null. Only the ZKsync
    /// contract deployer needs it; sources without preimages answer null.
    /// </summary>
    byte[]? ReadPreimage(in Bytes32 hash, int length) => null;
}
