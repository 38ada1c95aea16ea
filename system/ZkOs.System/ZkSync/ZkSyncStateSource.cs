// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Oracle;
using ZkOs.System.Variants;
using ZkOs.System.ZkSync.Accounts;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.System.ZkSync;

/// <summary>
/// The ZKsync storage model as the IO subsystem's state source (reference §4.3, §6): a slot is an
/// initial-slot query for its flat key; an account is the hash at (0x8003, address), its 124-byte
/// properties as a preimage, and its bytecode as a preimage of the bytecode hash. It remembers what it
/// loaded, since the block's state diffs compare against it. Each preimage goes through the variant's
/// check as it arrives: trusted forward, re-hashed when proving (reference §6.5).
/// </summary>
public sealed class ZkSyncStateSource<TSystem>(OracleClient oracle) : IStateSource
    where TSystem : struct, ISystemTypes
{
    private readonly Dictionary<Address, LoadedAccount> _accounts = [];

    /// <summary>Each account read in the block: whether its properties slot was new, and its initial properties.</summary>
    public IReadOnlyDictionary<Address, LoadedAccount> LoadedAccounts => _accounts;

    /// <summary>Forgets the accounts of the previous block, keeping the map's capacity.</summary>
    public void Reset() => _accounts.Clear();

    public AccountSnapshot? ReadAccount(in Address address)
    {
        var (isNew, hash) = oracle.ReadInitialSlot(SystemAddresses.AccountProperties, SystemAddresses.AccountPropertiesKey(address));
        if (hash.IsZero)
        {
            _accounts[address] = new LoadedAccount(isNew, hash, AccountProperties.Trivial);
            return null;
        }
        Span<byte> encoded = stackalloc byte[AccountProperties.EncodedSize];
        oracle.ReadPreimage(hash, encoded);
        TSystem.CheckPreimage(hash, encoded, PreimageKind.AccountProperties);
        var properties = AccountProperties.Decode(encoded);
        _accounts[address] = new LoadedAccount(isNew, hash, properties);
        var code = properties.BytecodeLength > 0 ? ReadBytecode(properties) : ReadOnlyMemory<byte>.Empty;
        return new AccountSnapshot(properties.Nonce, properties.Balance, code, AccountVersioning.EeVersion(properties.Versioning));
    }

    /// <summary>
    /// The bytecode part of the preimage (bytecode then artifacts, reference §4.3). The hash covers the
    /// bytecode, which is all this STF keeps; artifacts are always empty in the states it writes.
    /// </summary>
    /// <remarks>In the run's memory: the prover's arena, which lives as long as the block's accounts.</remarks>
    private ReadOnlyMemory<byte> ReadBytecode(AccountProperties properties)
    {
        var length = (int)properties.BytecodeLength;
        var preimage = oracle.ReadPreimageInRunMemory(properties.BytecodeHash, checked(length + (int)properties.ArtifactsLength));
        var code = preimage[..length];
        TSystem.CheckPreimage(properties.BytecodeHash, code.Span, PreimageKind.Bytecode);
        return code;
    }

    /// <summary>
    /// A bytecode preimage through the oracle (the contract deployer's force deploy); null when the oracle
    /// does not know it, which it says with an empty answer, so a tape replays the refusal as well.
    /// </summary>
    public byte[]? ReadPreimage(in Bytes32 hash, int length)
    {
        byte[] preimage;
        try
        {
            preimage = oracle.ReadPreimage(hash, length);
        }
        catch (OracleException)
        {
            return null;
        }
        TSystem.CheckPreimage(hash, preimage, PreimageKind.Bytecode);
        return preimage;
    }

    public UInt256 ReadSlot(in Address address, in UInt256 key, out bool isNew)
    {
        var (slotIsNew, value) = oracle.ReadInitialSlot(address, Bytes32.FromUInt256(key));
        isNew = slotIsNew;
        return value.ToUInt256();
    }
}
