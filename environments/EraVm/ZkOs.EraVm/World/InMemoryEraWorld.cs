// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.World;

/// <summary>
/// A self-contained Era world (eravm.md §3 step 2, §4): storage in memory, AccountCodeStorage (0x8002)
/// holding each account's versioned code hash, code known by hash, an optional default account for
/// addresses without code, and the EVM emulator that runs version-2 (EVM blob) hashes. What the zk_evm
/// harness and single-contract runs use; inside ZKsync OS the system layer is the world instead.
/// </summary>
public sealed class InMemoryEraWorld : IEraVmHost
{
    public static readonly Address AccountCodeStorage = Address.FromUInt64(0x8002);

    private readonly Dictionary<(Address, UInt256), UInt256> _storage = new();
    private readonly Dictionary<UInt256, DecodedProgram> _codes = new();
    private readonly Dictionary<(Address, UInt256), UInt256> _transient = new();

    /// <summary>The deployed-code hash run for non-kernel accounts without code (null: such calls fail).</summary>
    public UInt256? DefaultAccountHash { get; set; }

    /// <summary>The deployed-code hash that runs EVM blobs (version 2 hashes).</summary>
    public UInt256? EvmEmulatorHash { get; set; }

    /// <summary>Set by a harness that prices storage itself (see <see cref="IEraVmHost.StorageRefund"/>).</summary>
    public uint? RefundOverride { get; set; }

    public IReadOnlyDictionary<(Address, UInt256), UInt256> Storage => _storage;

    /// <summary>Publishes code and returns its versioned hash.</summary>
    public UInt256 AddCode(byte[] bytecode)
    {
        var hash = VersionedHash.OfEraVmCode(bytecode);
        _codes[hash] = DecodedProgram.Decode(bytecode);
        return hash;
    }

    /// <summary>Publishes code and records it as the account's deployed code in AccountCodeStorage.</summary>
    public UInt256 Deploy(in Address address, byte[] bytecode)
    {
        var hash = AddCode(bytecode);
        SetCodeHash(address, hash);
        return hash;
    }

    public void SetCodeHash(in Address address, in UInt256 hash) => WriteStorage(AccountCodeStorage, address.ToUInt256(), hash);

    public UInt256 ReadStorage(in Address address, in UInt256 key) => _storage.GetValueOrDefault((address, key));

    public void WriteStorage(in Address address, in UInt256 key, in UInt256 value)
    {
        if (UInt256.IsZero(value))
        {
            _storage.Remove((address, key));
        }
        else
        {
            _storage[(address, key)] = value;
        }
    }

    public UInt256 ReadTransient(in Address address, in UInt256 key) => _transient.GetValueOrDefault((address, key));

    public void WriteTransient(in Address address, in UInt256 key, in UInt256 value) => _transient[(address, key)] = value;

    public void ClearTransient() => _transient.Clear();

    public CalleeKind ResolveCallee(in Address address, bool constructorCall, out DecodedProgram? program, out UInt256 versionedHash, out bool evmBlobAccount)
    {
        var info = ReadStorage(AccountCodeStorage, address.ToUInt256());
        var version = VersionedHash.Version(info);
        evmBlobAccount = version == VersionedHash.EvmBlobVersion;
        var usable = !UInt256.IsZero(info) && VersionedHash.IsUnderConstruction(info) == constructorCall;
        if (usable && version == VersionedHash.EraVmVersion && TryDecommit(info, out program))
        {
            versionedHash = VersionedHash.WithMarker(info, false);
            return CalleeKind.EraVm;
        }
        if (usable && version == VersionedHash.EvmBlobVersion && EvmEmulatorHash is { } emulator && TryDecommit(emulator, out program))
        {
            versionedHash = emulator;
            return CalleeKind.EvmEmulator;
        }
        // No usable code: a user account runs the default account, a kernel address cannot be called.
        if (!EraVmMachine.IsKernelAddress(address) && DefaultAccountHash is { } defaultAccount && TryDecommit(defaultAccount, out program))
        {
            versionedHash = defaultAccount;
            return CalleeKind.EraVm;
        }
        program = null;
        versionedHash = default;
        return CalleeKind.Unavailable;
    }

    public bool TryDecommit(in UInt256 versionedHash, out DecodedProgram? program) =>
        _codes.TryGetValue(VersionedHash.WithMarker(versionedHash, false), out program);

    public uint? StorageRefund(in Address address, in UInt256 key, bool isWrite) => RefundOverride;

    /// <summary>
    /// A flat price per write, as the zk_evm test storage charges (65 bytes: a 32-byte key, a 32-byte
    /// value and a tag); Era's real price depends on the compressed diff, which the ZKsync OS pubdata
    /// layer computes instead.
    /// </summary>
    public uint PubdataPerWrite { get; set; } = 65;

    public uint PubdataOfWrite(in Address address, in UInt256 key, in UInt256 value) => PubdataPerWrite;
}
