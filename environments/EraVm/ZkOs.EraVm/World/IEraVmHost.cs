// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.World;

/// <summary>
/// The world as the EraVM machine sees it. The machine journals every change itself (an undo log of
/// storage and transient-storage writes, events, L2→L1 messages) and rolls back by writing old values
/// back, so a host only answers reads, applies writes and says which code a far call runs.
/// </summary>
public interface IEraVmHost
{
    UInt256 ReadStorage(in Address address, in UInt256 key);

    void WriteStorage(in Address address, in UInt256 key, in UInt256 value);

    UInt256 ReadTransient(in Address address, in UInt256 key);

    void WriteTransient(in Address address, in UInt256 key, in UInt256 value);

    /// <summary>Forgets all transient storage (a new transaction, <c>increment_tx_number</c>).</summary>
    void ClearTransient();

    /// <summary>
    /// Resolves the code a far call to <paramref name="address"/> runs (eravm.md §3 step 2). Returns
    /// <see cref="CalleeKind.External"/> when another EE runs the account: the machine then suspends with a
    /// <see cref="PendingExternalCall"/>. <paramref name="evmBlobAccount"/> tells that the account's code
    /// hash has version 2 (an EVM blob), even when it was masked to the default account: the new frame's
    /// heap stipend follows that version byte (vm2's divergence regressions).
    /// </summary>
    CalleeKind ResolveCallee(in Address address, bool constructorCall, out DecodedProgram? program, out UInt256 versionedHash, out bool evmBlobAccount);

    /// <summary>The code of a versioned hash (<c>log.decommit</c>), or false when unknown or malformed.</summary>
    bool TryDecommit(in UInt256 versionedHash, out DecodedProgram? program);

    /// <summary>
    /// The refund of a storage access when the host decides it (the zk_evm harness's
    /// <c>set_storage_warm</c>/<c>set_storage_cold</c>); null lets the machine apply the warm/cold rule of
    /// eravm.md §2 from its own record of touched slots.
    /// </summary>
    /// <summary>The pubdata a storage write costs (bytes), added to the counter <c>context.meta</c> reports.</summary>
    uint PubdataOfWrite(in Address address, in UInt256 key, in UInt256 value);

    uint? StorageRefund(in Address address, in UInt256 key, bool isWrite);
}
