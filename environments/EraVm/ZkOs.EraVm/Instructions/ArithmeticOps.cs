// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions;

/// <summary>add: lt_of = carry, eq = (result == 0), gt = neither.</summary>
public struct AddOp : IArithmetic
{
    public static bool HasSecondOutput => false;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        result = a + b;
        second = default;
        lt = result < a;
        eq = UInt256.IsZero(result);
        gt = !lt && !eq;
    }
}

/// <summary>sub: src0 - src1 (swapped: src1 - src0); lt_of = borrow.</summary>
public struct SubOp : IArithmetic
{
    public static bool HasSecondOutput => false;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        result = a - b;
        second = default;
        lt = a < b;
        eq = UInt256.IsZero(result);
        gt = !lt && !eq;
    }
}

/// <summary>mul: dst0 = low 256 bits, dst1 = high; lt_of = (high != 0), eq = (low == 0), gt = (high == 0 and low != 0).</summary>
public struct MulOp : IArithmetic
{
    public static bool HasSecondOutput => true;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        UInt256.MultiplyFull(a, b, out result, out second);
        lt = !UInt256.IsZero(second);
        eq = UInt256.IsZero(result);
        gt = !lt && !eq;
    }
}

/// <summary>div: dst0 = quotient, dst1 = remainder; by zero both 0 with lt_of set; else eq = (q == 0), gt = (r == 0).</summary>
public struct DivOp : IArithmetic
{
    public static bool HasSecondOutput => true;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        if (UInt256.IsZero(b))
        {
            result = second = default;
            (lt, eq, gt) = (true, false, false);
            return;
        }
        UInt256.DivRem(a, b, out result, out second);
        lt = false;
        eq = UInt256.IsZero(result);
        gt = UInt256.IsZero(second);
    }
}

public struct XorOp : IArithmetic
{
    public static bool HasSecondOutput => false;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        result = a ^ b;
        second = default;
        (lt, eq, gt) = (false, UInt256.IsZero(result), false);
    }
}

public struct AndOp : IArithmetic
{
    public static bool HasSecondOutput => false;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        result = a & b;
        second = default;
        (lt, eq, gt) = (false, UInt256.IsZero(result), false);
    }
}

public struct OrOp : IArithmetic
{
    public static bool HasSecondOutput => false;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        result = a | b;
        second = default;
        (lt, eq, gt) = (false, UInt256.IsZero(result), false);
    }
}

/// <summary>Shifts and rotations take their amount from the low byte of the second operand (mod 256).</summary>
public struct ShlOp : IArithmetic
{
    public static bool HasSecondOutput => false;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        result = a << (int)(b.U0 & 0xFF);
        second = default;
        (lt, eq, gt) = (false, UInt256.IsZero(result), false);
    }
}

public struct ShrOp : IArithmetic
{
    public static bool HasSecondOutput => false;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        result = a >> (int)(b.U0 & 0xFF);
        second = default;
        (lt, eq, gt) = (false, UInt256.IsZero(result), false);
    }
}

public struct RolOp : IArithmetic
{
    public static bool HasSecondOutput => false;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        var amount = (int)(b.U0 & 0xFF);
        // A rotation by 0 must not compute a shift by 256.
        result = amount == 0 ? a : (a << amount) | (a >> (256 - amount));
        second = default;
        (lt, eq, gt) = (false, UInt256.IsZero(result), false);
    }
}

public struct RorOp : IArithmetic
{
    public static bool HasSecondOutput => false;

    public static void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt)
    {
        var amount = (int)(b.U0 & 0xFF);
        result = amount == 0 ? a : (a >> amount) | (a << (256 - amount));
        second = default;
        (lt, eq, gt) = (false, UInt256.IsZero(result), false);
    }
}
