// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;
using ZkOs.EraVm.World;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Execution;

/// <summary>
/// The ZKsync OS system as the EraVM machine's world. Storage and transient storage go to <see cref="ISystem"/> (which charges
/// native only for EE type 2: ergs are the machine's), every far call leaves the machine for the runner,
/// code by hash is not available (<c>log.decommit</c> returns 0) and pubdata is the system's to price.
/// </summary>
internal sealed class SystemWorld : IEraVmHost
{
    private ISystem _system = null!;
    private Resources _native;

    /// <summary>Set when a system request ran out of native: fatal for the transaction.</summary>
    public bool OutOfNative { get; private set; }

    public ulong Native => _native.Native;

    public void Begin(ISystem system, ulong native)
    {
        _system = system;
        _native = new Resources(Resources.Infinite, native);
        OutOfNative = false;
    }

    public void Resume(ISystem system, ulong native)
    {
        _system = system;
        _native = new Resources(Resources.Infinite, native);
    }

    public UInt256 ReadStorage(in Address address, in UInt256 key)
    {
        Check(_system.ReadStorage(EeType.EraVm, ref _native, address, key, out var value));
        return value;
    }

    public void WriteStorage(in Address address, in UInt256 key, in UInt256 value) =>
        Check(_system.WriteStorage(EeType.EraVm, ref _native, address, key, value));

    public UInt256 ReadTransient(in Address address, in UInt256 key)
    {
        Check(_system.ReadTransientStorage(EeType.EraVm, ref _native, address, key, out var value));
        return value;
    }

    public void WriteTransient(in Address address, in UInt256 key, in UInt256 value) =>
        Check(_system.WriteTransientStorage(EeType.EraVm, ref _native, address, key, value));

    /// <summary>The system clears transient storage between transactions itself (and only kernel code may ask).</summary>
    public void ClearTransient()
    {
    }

    public CalleeKind ResolveCallee(in Address address, bool constructorCall, out DecodedProgram? program, out UInt256 versionedHash, out bool evmBlobAccount)
    {
        evmBlobAccount = false;
        program = null;
        versionedHash = default;
        return CalleeKind.External;
    }

    public bool TryDecommit(in UInt256 versionedHash, out DecodedProgram? program)
    {
        program = null;
        return false;
    }

    /// <summary>An event EventWriter formed, recorded by the system as the emitter's log.</summary>
    public void Emit(in Address emitter, ReadOnlySpan<UInt256> topics, ReadOnlySpan<byte> data) =>
        Check(_system.EmitEvent(EeType.EraVm, ref _native, emitter, topics, data));

    public uint PubdataOfWrite(in Address address, in UInt256 key, in UInt256 value) => 0;

    public uint? StorageRefund(in Address address, in UInt256 key, bool isWrite) => null;

    private void Check(SystemStatus status)
    {
        if (status == SystemStatus.OutOfNative)
        {
            OutOfNative = true;
        }
    }
}
