// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Sandbox;

/// <summary>
/// The world of one isolated frame (<c>zkos exec</c>): every account is empty, storage starts at zero and
/// lives in memory, events are recorded. It charges nothing itself, so what a frame reports is exactly what
/// its EE's tables and handlers charged. Blocks, transactions and the ZKsync and Ethereum cost rules
/// belong to the bootloader and the system layer, not here.
/// </summary>
public sealed class SandboxSystem : ISystem
{
    private readonly BlockContext _block;
    private readonly TransactionContext _transaction;
    private readonly Dictionary<(Address, UInt256), UInt256> _storage = [];
    private readonly Dictionary<(Address, UInt256), UInt256> _transient = [];
    private readonly List<SandboxEvent> _events = [];
    private readonly List<SandboxStorageWrite> _writes = [];

    public SandboxSystem(in BlockContext block = default, in TransactionContext transaction = default)
    {
        _block = block;
        _transaction = transaction;
    }

    public ref readonly BlockContext Block => ref _block;

    public ref readonly TransactionContext Transaction => ref _transaction;

    public IReadOnlyList<SandboxEvent> Events => _events;

    /// <summary>Every storage write in order, transient ones included.</summary>
    public IReadOnlyList<SandboxStorageWrite> StorageWrites => _writes;

    public UInt256 GetBlockHash(ulong number) => UInt256.Zero;

    public SystemStatus ReadStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, out UInt256 value)
    {
        value = _storage.GetValueOrDefault((address, key));
        return SystemStatus.Ok;
    }

    public SystemStatus WriteStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, in UInt256 value)
    {
        _storage[(address, key)] = value;
        _writes.Add(new SandboxStorageWrite(address, key, value, Transient: false));
        return SystemStatus.Ok;
    }

    public SystemStatus ReadTransientStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, out UInt256 value)
    {
        value = _transient.GetValueOrDefault((address, key));
        return SystemStatus.Ok;
    }

    public SystemStatus WriteTransientStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, in UInt256 value)
    {
        _transient[(address, key)] = value;
        _writes.Add(new SandboxStorageWrite(address, key, value, Transient: true));
        return SystemStatus.Ok;
    }

    public SystemStatus GetBalance(byte ee, ref Resources resources, in Address address, out UInt256 balance)
    {
        balance = UInt256.Zero;
        return SystemStatus.Ok;
    }

    public SystemStatus GetSelfBalance(byte ee, ref Resources resources, in Address address, out UInt256 balance)
    {
        balance = UInt256.Zero;
        return SystemStatus.Ok;
    }

    public SystemStatus AccessAccount(byte ee, ref Resources resources, in Address address, out bool isEmpty)
    {
        isEmpty = true;
        return SystemStatus.Ok;
    }

    public SystemStatus GetNonce(byte ee, ref Resources resources, in Address address, out ulong nonce)
    {
        nonce = 0;
        return SystemStatus.Ok;
    }

    public SystemStatus GetCodeSize(byte ee, ref Resources resources, in Address address, out uint size)
    {
        size = 0;
        return SystemStatus.Ok;
    }

    public SystemStatus GetCodeHash(byte ee, ref Resources resources, in Address address, out Bytes32 hash)
    {
        hash = Bytes32.Zero;
        return SystemStatus.Ok;
    }

    public SystemStatus GetCode(byte ee, ref Resources resources, in Address address, out ReadOnlyMemory<byte> code)
    {
        code = ReadOnlyMemory<byte>.Empty;
        return SystemStatus.Ok;
    }

    public SystemStatus EmitEvent(byte ee, ref Resources resources, in Address address, ReadOnlySpan<UInt256> topics, ReadOnlySpan<byte> data)
    {
        _events.Add(new SandboxEvent(address, topics.ToArray(), data.ToArray()));
        return SystemStatus.Ok;
    }

    public SystemStatus EmitL1Message(byte ee, ref Resources resources, in Address sender, ReadOnlySpan<byte> data, out Bytes32 hash)
    {
        hash = Framework.Crypto.Keccak256.Hash(data);
        return SystemStatus.Ok;
    }

    public SystemStatus MarkForDeconstruction(byte ee, ref Resources resources, in Address account, in Address beneficiary, bool inConstructor) =>
        SystemStatus.Ok;
}
