// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>Persistent and transient storage as EEs see them (SLOAD, SSTORE, TLOAD, TSTORE).</summary>
public sealed partial class IoSubsystem
{
    public SystemStatus ReadStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, out UInt256 value)
    {
        var current = CurrentSlot(address, key);
        var cold = WarmSlot(address, key);
        var native = AccessCosts.WarmReadNative + (cold ? ColdSlotNative(address, key) : 0);
        var status = Charge(ee, ref resources, cold ? AccessCosts.ColdSloadGas : AccessCosts.WarmAccessGas, native);
        value = status == SystemStatus.Ok ? current : UInt256.Zero;
        return status;
    }

    public SystemStatus WriteStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, in UInt256 value)
    {
        var current = CurrentSlot(address, key);
        var original = OriginalSlot(address, key, current);
        var cold = WarmSlot(address, key);
        var originalIsZero = original.Equals(UInt256.Zero);
        var gas = AccessCosts.SstoreGas(originalIsZero, current.Equals(original), value.Equals(current))
            + (cold ? AccessCosts.ColdSloadGas : 0);
        var native = AccessCosts.WarmReadNative
            + (cold ? ColdSlotNative(address, key) : 0)
            + (originalIsZero ? AccessCosts.WriteNewSlotNative : AccessCosts.WriteExistingSlotNative);
        var status = Charge(ee, ref resources, gas, native);
        if (status != SystemStatus.Ok)
        {
            return status;
        }
        if (Rules.GasRefunds)
        {
            AddRefund(SstoreRefund(original, current, value));
        }
        if (!value.Equals(current))
        {
            WriteSlot(address, key, value);
        }
        return SystemStatus.Ok;
    }

    public SystemStatus ReadTransientStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, out UInt256 value)
    {
        var status = Charge(ee, ref resources, AccessCosts.TransientGas, AccessCosts.TransientNative);
        value = status == SystemStatus.Ok ? _transient.GetValueOrDefault((address, key)) : UInt256.Zero;
        return status;
    }

    public SystemStatus WriteTransientStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, in UInt256 value)
    {
        var status = Charge(ee, ref resources, AccessCosts.TransientGas, AccessCosts.TransientNative);
        if (status == SystemStatus.Ok)
        {
            _journal.Add(new JournalEntry(JournalKind.TransientStorage, address, key, _transient.GetValueOrDefault((address, key))));
            SetTransientSlot(address, key, value);
        }
        return status;
    }

    /// <summary>
    /// EIP-2200's original value: the slot at the transaction's start. Recorded on first sight in the
    /// transaction, which is before any write to it, so it survives the rollback of that write.
    /// </summary>
    private UInt256 OriginalSlot(in Address address, in UInt256 key, in UInt256 current)
    {
        if (_originals.TryGetValue((address, key), out var original))
        {
            return original;
        }
        _originals[(address, key)] = current;
        return current;
    }

    /// <summary>A cold slot costs more native when the state has never held it (reference §4.4).</summary>
    private ulong ColdSlotNative(in Address address, in UInt256 key) =>
        IsNewSlot(address, key) ? AccessCosts.ColdNewSlotNative : AccessCosts.ColdExistingSlotNative;

    /// <summary>EIP-3529 refund change for one SSTORE (EIP-2200's cases with London's values).</summary>
    private static long SstoreRefund(in UInt256 original, in UInt256 current, in UInt256 value)
    {
        if (value.Equals(current))
        {
            return 0;
        }
        var zero = UInt256.Zero;
        long refund = 0;
        if (current.Equals(original))
        {
            if (!original.Equals(zero) && value.Equals(zero))
            {
                refund += AccessCosts.SstoreClearsRefund;
            }
            return refund;
        }
        if (!original.Equals(zero))
        {
            if (current.Equals(zero))
            {
                refund -= AccessCosts.SstoreClearsRefund;
            }
            else if (value.Equals(zero))
            {
                refund += AccessCosts.SstoreClearsRefund;
            }
        }
        if (value.Equals(original))
        {
            refund += original.Equals(zero)
                ? (long)(AccessCosts.SstoreSetGas - AccessCosts.WarmAccessGas)
                : (long)(AccessCosts.SstoreResetGas - AccessCosts.WarmAccessGas);
        }
        return refund;
    }
}
