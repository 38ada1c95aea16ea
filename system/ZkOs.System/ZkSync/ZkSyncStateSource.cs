// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Oracle;
using ZkOs.System.ZkSync.Accounts;

namespace ZkOs.System.ZkSync;

/// <summary>
/// The ZKsync storage model as the IO subsystem's state source (reference §4.3, §6): a slot is an
/// initial-slot query for its flat key; an account is the hash at (0x8003, address), its 124-byte
/// properties as a preimage, and its bytecode as a preimage of the bytecode hash. It remembers what it
/// loaded, since the block's state diffs compare against it.
/// </summary>
public sealed class ZkSyncStateSource(OracleClient oracle) : IStateSource
{
    private readonly Dictionary<Address, LoadedAccount> _accounts = [];

    /// <summary>Each account read in the block: whether its properties slot was new, and its initial properties.</summary>
    public IReadOnlyDictionary<Address, LoadedAccount> LoadedAccounts => _accounts;

    public AccountSnapshot? ReadAccount(in Address address)
    {
        var (isNew, hash) = oracle.ReadInitialSlot(SystemAddresses.AccountProperties, SystemAddresses.AccountPropertiesKey(address));
        if (hash.IsZero)
        {
            _accounts[address] = new LoadedAccount(isNew, AccountProperties.Trivial);
            return null;
        }
        var properties = AccountProperties.Decode(oracle.ReadPreimage(hash, AccountProperties.EncodedSize));
        _accounts[address] = new LoadedAccount(isNew, properties);
        var code = properties.BytecodeLength > 0
            ? oracle.ReadPreimage(properties.BytecodeHash, (int)(properties.BytecodeLength + properties.ArtifactsLength))[..(int)properties.BytecodeLength]
            : [];
        return new AccountSnapshot(properties.Nonce, properties.Balance, code, AccountVersioning.EeVersion(properties.Versioning));
    }

    /// <summary>A preimage through the oracle; null when the oracle does not know it (it refuses the query).</summary>
    public byte[]? ReadPreimage(in Bytes32 hash, int length)
    {
        try
        {
            return oracle.ReadPreimage(hash, length);
        }
        catch (OracleException)
        {
            return null;
        }
    }

    public UInt256 ReadSlot(in Address address, in UInt256 key, out bool isNew)
    {
        var (slotIsNew, value) = oracle.ReadInitialSlot(address, Bytes32.FromUInt256(key));
        isNew = slotIsNew;
        return value.ToUInt256();
    }
}
