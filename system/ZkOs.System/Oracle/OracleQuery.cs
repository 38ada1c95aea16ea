// SPDX-License-Identifier: MIT
namespace ZkOs.System.Oracle;

/// <summary>
/// The numbered oracle queries (reference/zksync-os.md §6.1). Every non-deterministic input of a block
/// enters through one of these: a forward run answers them from in-process sources, a proving run
/// reads the same answers from a tape of 32-bit words.
/// </summary>
public static class OracleQuery
{
    /// <summary>() → u32 byte length of the next transaction; 0 seals the block.</summary>
    public const uint NextTxSize = 0;

    /// <summary>() → the transaction's bytes as little-endian 32-bit words.</summary>
    public const uint NewTxContent = 1;

    /// <summary>() → the IO implementer's initial state (proving only, at finish).</summary>
    public const uint InitializeIoImplementer = 2;

    /// <summary>() → the block metadata, in the order of <see cref="BlockMetadata"/>.</summary>
    public const uint BlockLevelMetadata = 3;

    /// <summary>(address, key) → {is_new_storage_slot, initial_value}.</summary>
    public const uint InitialStorageSlotData = 4;

    /// <summary>(hash) → the preimage's bytes as words.</summary>
    public const uint PreimageContentWords = 5;

    /// <summary>() → nothing: the run is over; reads after it return zero.</summary>
    public const uint DisconnectOracle = 6;

    /// <summary>(u64 index) → the leaf at that index and its 64 siblings.</summary>
    public const uint ProofForIndex = 7;

    /// <summary>(flat key) → u64 index of the greatest existing key below it.</summary>
    public const uint PrevIndex = 8;

    /// <summary>(flat key) → u64 index of an existing key.</summary>
    public const uint ExactIndex = 9;

    public static string NameOf(uint id) => id switch
    {
        NextTxSize => "NextTxSize",
        NewTxContent => "NewTxContent",
        InitializeIoImplementer => "InitializeIoImplementer",
        BlockLevelMetadata => "BlockLevelMetadata",
        InitialStorageSlotData => "InitialStorageSlotData",
        PreimageContentWords => "PreimageContentWords",
        DisconnectOracle => "DisconnectOracle",
        ProofForIndex => "ProofForIndex",
        PrevIndex => "PrevIndex",
        ExactIndex => "ExactIndex",
        _ => $"unknown query {id}",
    };
}
