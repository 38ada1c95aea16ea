// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions;

/// <summary>One fat-pointer operation (eravm.md §2): false panics the frame.</summary>
public interface IPointerOp
{
    static abstract bool Apply(in UInt256 pointer, in UInt256 operand, out UInt256 result);
}

/// <summary>ptr.add: offset += src1, which must fit u32, without overflowing the u32 offset.</summary>
public struct PtrAddOp : IPointerOp
{
    public static bool Apply(in UInt256 pointer, in UInt256 operand, out UInt256 result)
    {
        result = pointer;
        if ((operand.U0 >> 32 | operand.U1 | operand.U2 | operand.U3) != 0)
        {
            return false;
        }
        var offset = (ulong)(uint)pointer.U0 + operand.U0;
        if (offset > uint.MaxValue)
        {
            return false;
        }
        result = new UInt256((pointer.U0 & 0xFFFF_FFFF_0000_0000) | offset, pointer.U1, pointer.U2, pointer.U3);
        return true;
    }
}

/// <summary>ptr.sub: offset -= src1, which must fit u32, without going below 0.</summary>
public struct PtrSubOp : IPointerOp
{
    public static bool Apply(in UInt256 pointer, in UInt256 operand, out UInt256 result)
    {
        result = pointer;
        if ((operand.U0 >> 32 | operand.U1 | operand.U2 | operand.U3) != 0 || operand.U0 > (uint)pointer.U0)
        {
            return false;
        }
        result = new UInt256((pointer.U0 & 0xFFFF_FFFF_0000_0000) | ((uint)pointer.U0 - operand.U0), pointer.U1, pointer.U2, pointer.U3);
        return true;
    }
}

/// <summary>ptr.pack: the pointer's low 128 bits with src1's high 128 bits; src1's low 128 bits must be 0.</summary>
public struct PtrPackOp : IPointerOp
{
    public static bool Apply(in UInt256 pointer, in UInt256 operand, out UInt256 result)
    {
        result = new UInt256(pointer.U0, pointer.U1, operand.U2, operand.U3);
        return (operand.U0 | operand.U1) == 0;
    }
}

/// <summary>ptr.shrink: length -= low u32 of src1, panicking on underflow.</summary>
public struct PtrShrinkOp : IPointerOp
{
    public static bool Apply(in UInt256 pointer, in UInt256 operand, out UInt256 result)
    {
        result = pointer;
        var length = (uint)(pointer.U1 >> 32);
        var by = (uint)operand.U0;
        if (by > length)
        {
            return false;
        }
        result = new UInt256(pointer.U0, (pointer.U1 & 0xFFFF_FFFF) | ((ulong)(length - by) << 32), pointer.U2, pointer.U3);
        return true;
    }
}
