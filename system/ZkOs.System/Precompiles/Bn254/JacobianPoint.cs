// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using ZkOs.Framework.Numerics;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// A point of y^2 = x^3 + b (a = 0) in Jacobian coordinates, x = X/Z^2 and y = Y/Z^3, with Z = 0 for the
/// point at infinity. One implementation serves G1 (over Fp) and G2 (over Fp2) of BN254 and of
/// BLS12-381. Formulas from the Explicit-Formulas Database (Bernstein and Lange,
/// https://hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-0.html): "dbl-2009-l" and "add-2007-bl".
/// Not constant-time: every input of the EVM precompiles is public.
/// </summary>
internal struct JacobianPoint<TField, TCurve>
    where TField : unmanaged, IField<TField>
    where TCurve : struct, ICurveParams<TField>
{
    /// <summary>The window of the wNAF scalar multiplication: 8 odd multiples, one addition per 6 bits on average.</summary>
    private const int _window = 5;

    internal TField X;
    internal TField Y;
    internal TField Z;

    internal JacobianPoint(in TField x, in TField y, in TField z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static JacobianPoint<TField, TCurve> Infinity => new(TField.One, TField.One, TField.Zero);

    public readonly bool IsInfinity => TField.IsZero(in Z);

    public static JacobianPoint<TField, TCurve> FromAffine(in TField x, in TField y) => new(in x, in y, TField.One);

    /// <summary>Whether the affine point (x, y) satisfies y^2 = x^3 + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsOnCurve(in TField x, in TField y)
    {
        TField.Square(in y, out var left);
        TField.Square(in x, out var right);
        TField.Multiply(in right, in x, out right);
        var b = TCurve.B;
        TField.Add(in right, in b, out right);
        return TField.AreEqual(in left, in right);
    }

    /// <summary>"dbl-2009-l": 2M + 5S. The point at infinity (Z = 0) doubles to Z3 = 0 by itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(in JacobianPoint<TField, TCurve> p, out JacobianPoint<TField, TCurve> result)
    {
        TField.Square(in p.X, out var a);
        TField.Square(in p.Y, out var b);
        TField.Square(in b, out var c);

        // D = 2((X1 + B)^2 - A - C)
        TField.Add(in p.X, in b, out var d);
        TField.Square(in d, out d);
        TField.Subtract(in d, in a, out d);
        TField.Subtract(in d, in c, out d);
        TField.Double(in d, out d);

        // E = 3A, F = E^2
        TField.Double(in a, out var e);
        TField.Add(in e, in a, out e);
        TField.Square(in e, out var f);

        // Z3 = 2·Y1·Z1 (before X3, Y3 are written: result may alias p)
        TField.Multiply(in p.Y, in p.Z, out var z3);
        TField.Double(in z3, out z3);

        // X3 = F - 2D
        TField.Double(in d, out var x3);
        TField.Subtract(in f, in x3, out x3);

        // Y3 = E(D - X3) - 8C
        TField.Subtract(in d, in x3, out var y3);
        TField.Multiply(in e, in y3, out y3);
        TField.Double(in c, out c);
        TField.Double(in c, out c);
        TField.Double(in c, out c);
        TField.Subtract(in y3, in c, out y3);

        result = new JacobianPoint<TField, TCurve>(in x3, in y3, in z3);
    }

    /// <summary>"add-2007-bl" (11M + 5S) with the exceptional cases: an operand at infinity, P = Q (doubling) and P = -Q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in JacobianPoint<TField, TCurve> p, in JacobianPoint<TField, TCurve> q, out JacobianPoint<TField, TCurve> result)
    {
        if (p.IsInfinity)
        {
            result = q;
            return;
        }

        if (q.IsInfinity)
        {
            result = p;
            return;
        }

        TField.Square(in p.Z, out var z1z1);
        TField.Square(in q.Z, out var z2z2);
        TField.Multiply(in p.X, in z2z2, out var u1);
        TField.Multiply(in q.X, in z1z1, out var u2);
        TField.Multiply(in p.Y, in q.Z, out var s1);
        TField.Multiply(in s1, in z2z2, out s1);
        TField.Multiply(in q.Y, in p.Z, out var s2);
        TField.Multiply(in s2, in z1z1, out s2);

        // H = U2 - U1, r = 2(S2 - S1): H = 0 means equal x, so the sum is a doubling or infinity.
        TField.Subtract(in u2, in u1, out var h);
        TField.Subtract(in s2, in s1, out var r);
        if (TField.IsZero(in h))
        {
            if (TField.IsZero(in r))
            {
                Double(in p, out result);
            }
            else
            {
                result = Infinity;
            }

            return;
        }

        TField.Double(in r, out r);

        // I = (2H)^2, J = H·I, V = U1·I
        TField.Double(in h, out var i);
        TField.Square(in i, out i);
        TField.Multiply(in h, in i, out var j);
        TField.Multiply(in u1, in i, out var v);

        // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2)·H
        TField.Add(in p.Z, in q.Z, out var z3);
        TField.Square(in z3, out z3);
        TField.Subtract(in z3, in z1z1, out z3);
        TField.Subtract(in z3, in z2z2, out z3);
        TField.Multiply(in z3, in h, out z3);

        // X3 = r^2 - J - 2V
        TField.Square(in r, out var x3);
        TField.Subtract(in x3, in j, out x3);
        TField.Double(in v, out var t);
        TField.Subtract(in x3, in t, out x3);

        // Y3 = r(V - X3) - 2·S1·J
        TField.Subtract(in v, in x3, out var y3);
        TField.Multiply(in r, in y3, out y3);
        TField.Multiply(in s1, in j, out t);
        TField.Double(in t, out t);
        TField.Subtract(in y3, in t, out y3);

        result = new JacobianPoint<TField, TCurve>(in x3, in y3, in z3);
    }

    public static void Negate(in JacobianPoint<TField, TCurve> p, out JacobianPoint<TField, TCurve> result)
    {
        TField.Negate(in p.Y, out var y);
        result = new JacobianPoint<TField, TCurve>(in p.X, in y, in p.Z);
    }

    /// <summary>
    /// [k]P for any 256-bit k (EIP-196 does not reduce the scalar), by width-5 wNAF: k is recoded into
    /// digits in {0, ±1, ±3, ..., ±15} with at most one non-zero digit in any 5 consecutive ones, then
    /// evaluated left to right with the odd multiples P, 3P, ..., 15P (Hankerson, Menezes and Vanstone,
    /// "Guide to Elliptic Curve Cryptography", Algorithms 3.35 and 3.36).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(in JacobianPoint<TField, TCurve> p, in UInt256 scalar, out JacobianPoint<TField, TCurve> result)
    {
        Span<sbyte> digits = stackalloc sbyte[258];
        int length = RecodeWnaf(in scalar, digits);

        Span<JacobianPoint<TField, TCurve>> odd = stackalloc JacobianPoint<TField, TCurve>[1 << (_window - 2)];
        odd[0] = p;
        Double(in p, out var twice);
        for (int i = 1; i < odd.Length; i++)
        {
            Add(in odd[i - 1], in twice, out odd[i]);
        }

        var acc = Infinity;
        for (int i = length - 1; i >= 0; i--)
        {
            Double(in acc, out acc);
            int digit = digits[i];
            if (digit > 0)
            {
                Add(in acc, in odd[digit >> 1], out acc);
            }
            else if (digit < 0)
            {
                Negate(in odd[-digit >> 1], out var negated);
                Add(in acc, in negated, out acc);
            }
        }

        result = acc;
    }

    /// <summary>
    /// [k]P for an affine P (x, y) and k given in non-adjacent form (digits in {-1, 0, 1}, least significant
    /// first, top digit 1): every addition is a mixed one (<see cref="AddAffine"/>, 7M + 4S against the 11M + 5S
    /// of two Jacobian points) and -P costs one negation, so a fixed scalar such as BN254's u needs no table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAffineByNaf(in TField x, in TField y, ReadOnlySpan<sbyte> naf, out JacobianPoint<TField, TCurve> result)
    {
        TField.Negate(in y, out var negativeY);
        var acc = FromAffine(in x, in y);
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            Double(in acc, out acc);
            int digit = naf[i];
            if (digit > 0)
            {
                AddAffine(ref acc, in x, in y);
            }
            else if (digit < 0)
            {
                AddAffine(ref acc, in x, in negativeY);
            }
        }

        result = acc;
    }

    /// <summary>
    /// acc + (x2, y2) for an affine point, "madd-2007-bl": Z1Z1 = Z1^2, U2 = X2·Z1Z1, S2 = Y2·Z1·Z1Z1,
    /// H = U2 - X1, HH = H^2, I = 4HH, J = H·I, r = 2(S2 - Y1), V = X1·I; X3 = r^2 - J - 2V,
    /// Y3 = r(V - X3) - 2·Y1·J, Z3 = (Z1 + H)^2 - Z1Z1 - HH. The exceptional cases as in <see cref="Add"/>:
    /// acc at infinity, acc = P (a doubling) and acc = -P (infinity); the scalar multiplications of the
    /// subgroup tests run on points outside the subgroup too, where they can occur.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddAffine(ref JacobianPoint<TField, TCurve> acc, in TField x2, in TField y2)
    {
        if (acc.IsInfinity)
        {
            acc = FromAffine(in x2, in y2);
            return;
        }

        TField.Square(in acc.Z, out var z1z1);
        TField.Multiply(in x2, in z1z1, out var u2);
        TField.Multiply(in y2, in acc.Z, out var s2);
        TField.Multiply(in s2, in z1z1, out s2);
        TField.Subtract(in u2, in acc.X, out var h);
        TField.Subtract(in s2, in acc.Y, out var r);
        if (TField.IsZero(in h))
        {
            if (TField.IsZero(in r))
            {
                Double(in acc, out acc);
            }
            else
            {
                acc = Infinity;
            }

            return;
        }

        TField.Double(in r, out r);
        TField.Square(in h, out var hh);
        TField.Double(in hh, out var i);
        TField.Double(in i, out i);
        TField.Multiply(in h, in i, out var j);
        TField.Multiply(in acc.X, in i, out var v);

        // Z3 = (Z1 + H)^2 - Z1Z1 - HH
        TField.Add(in acc.Z, in h, out var z3);
        TField.Square(in z3, out z3);
        TField.Subtract(in z3, in z1z1, out z3);
        TField.Subtract(in z3, in hh, out z3);

        // X3 = r^2 - J - 2V
        TField.Square(in r, out var x3);
        TField.Subtract(in x3, in j, out x3);
        TField.Double(in v, out var t);
        TField.Subtract(in x3, in t, out x3);

        // Y3 = r(V - X3) - 2·Y1·J
        TField.Subtract(in v, in x3, out var y3);
        TField.Multiply(in r, in y3, out y3);
        TField.Multiply(in acc.Y, in j, out t);
        TField.Double(in t, out t);
        TField.Subtract(in y3, in t, out y3);

        acc = new JacobianPoint<TField, TCurve>(in x3, in y3, in z3);
    }

    /// <summary>
    /// [k]P for a 64-bit k by left-to-right double-and-add: for the sparse curve parameters of the subgroup
    /// tests (|x| = 0xd201000000010000 of BLS12-381 has six bits set) a wNAF table would cost more than it saves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyByWord(in JacobianPoint<TField, TCurve> p, ulong scalar, out JacobianPoint<TField, TCurve> result)
    {
        if (scalar == 0)
        {
            result = Infinity;
            return;
        }

        var acc = p;
        for (int bit = 62 - BitOperations.LeadingZeroCount(scalar); bit >= 0; bit--)
        {
            Double(in acc, out acc);
            if (((scalar >> bit) & 1) != 0)
            {
                Add(in acc, in p, out acc);
            }
        }

        result = acc;
    }

    /// <summary>
    /// [k]P + [l]Q for any 256-bit k and l by Straus-Shamir interleaving (Hankerson, Menezes and Vanstone,
    /// "Guide to Elliptic Curve Cryptography", Algorithm 3.51): both scalars in width-5 NAF, one chain of
    /// doublings for the two, each non-zero digit adding an odd multiple from its point's table. Saves about a
    /// third of two separate multiplications, the doublings of one of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyTwo(
        in JacobianPoint<TField, TCurve> p, in UInt256 k, in JacobianPoint<TField, TCurve> q, in UInt256 l, out JacobianPoint<TField, TCurve> result)
    {
        Span<sbyte> kDigits = stackalloc sbyte[258];
        Span<sbyte> lDigits = stackalloc sbyte[258];
        int kLength = RecodeWnaf(in k, kDigits);
        int lLength = RecodeWnaf(in l, lDigits);

        Span<JacobianPoint<TField, TCurve>> pOdd = stackalloc JacobianPoint<TField, TCurve>[1 << (_window - 2)];
        Span<JacobianPoint<TField, TCurve>> qOdd = stackalloc JacobianPoint<TField, TCurve>[1 << (_window - 2)];
        FillOddMultiples(in p, pOdd);
        FillOddMultiples(in q, qOdd);

        var acc = Infinity;
        for (int i = Math.Max(kLength, lLength) - 1; i >= 0; i--)
        {
            Double(in acc, out acc);
            if (i < kLength)
            {
                AddDigit(ref acc, pOdd, kDigits[i]);
            }

            if (i < lLength)
            {
                AddDigit(ref acc, qOdd, lDigits[i]);
            }
        }

        result = acc;
    }

    /// <summary>The affine coordinates (X/Z^2, Y/Z^3); false for the point at infinity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool ToAffine(in JacobianPoint<TField, TCurve> p, out TField x, out TField y)
    {
        if (p.IsInfinity)
        {
            x = TField.Zero;
            y = TField.Zero;
            return false;
        }

        TField.Invert(in p.Z, out var zInverse);
        TField.Square(in zInverse, out var zInverse2);
        TField.Multiply(in zInverse2, in zInverse, out var zInverse3);
        TField.Multiply(in p.X, in zInverse2, out x);
        TField.Multiply(in p.Y, in zInverse3, out y);
        return true;
    }

    /// <summary>Equality of the points (not of the representations): X1·Z2^2 = X2·Z1^2 and Y1·Z2^3 = Y2·Z1^3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AreEqual(in JacobianPoint<TField, TCurve> p, in JacobianPoint<TField, TCurve> q)
    {
        bool pInfinity = p.IsInfinity;
        bool qInfinity = q.IsInfinity;
        if (pInfinity || qInfinity)
        {
            return pInfinity && qInfinity;
        }

        TField.Square(in p.Z, out var z1z1);
        TField.Square(in q.Z, out var z2z2);
        TField.Multiply(in p.X, in z2z2, out var left);
        TField.Multiply(in q.X, in z1z1, out var right);
        if (!TField.AreEqual(in left, in right))
        {
            return false;
        }

        TField.Multiply(in z2z2, in q.Z, out z2z2);
        TField.Multiply(in z1z1, in p.Z, out z1z1);
        TField.Multiply(in p.Y, in z2z2, out left);
        TField.Multiply(in q.Y, in z1z1, out right);
        return TField.AreEqual(in left, in right);
    }

    /// <summary>P, 3P, 5P, ..., the odd multiples a width-5 NAF digit selects.</summary>
    private static void FillOddMultiples(in JacobianPoint<TField, TCurve> p, Span<JacobianPoint<TField, TCurve>> odd)
    {
        odd[0] = p;
        Double(in p, out var twice);
        for (int i = 1; i < odd.Length; i++)
        {
            Add(in odd[i - 1], in twice, out odd[i]);
        }
    }

    /// <summary>acc ← acc + digit·P from the odd multiples of P (a negative digit adds the negated multiple).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddDigit(ref JacobianPoint<TField, TCurve> acc, ReadOnlySpan<JacobianPoint<TField, TCurve>> odd, int digit)
    {
        if (digit > 0)
        {
            Add(in acc, in odd[digit >> 1], out acc);
        }
        else if (digit < 0)
        {
            Negate(in odd[-digit >> 1], out var negated);
            Add(in acc, in negated, out acc);
        }
    }

    /// <summary>
    /// Width-5 NAF of a 256-bit integer, least significant digit first; returns the digit count (at most
    /// 257: subtracting a negative digit can carry into bit 256, hence the fifth limb).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RecodeWnaf(in UInt256 scalar, Span<sbyte> digits)
    {
        const ulong mask = (1UL << _window) - 1;
        const int half = 1 << (_window - 1);
        ulong k0 = scalar.U0, k1 = scalar.U1, k2 = scalar.U2, k3 = scalar.U3, k4 = 0;
        int length = 0;
        while ((k0 | k1 | k2 | k3 | k4) != 0)
        {
            int digit = 0;
            if ((k0 & 1) != 0)
            {
                digit = (int)(k0 & mask);
                if (digit >= half)
                {
                    digit -= 1 << _window;

                    // k - digit = k + |digit|, carrying through the upper limbs.
                    ulong before = k0;
                    k0 += (ulong)-digit;
                    if (k0 < before && ++k1 == 0 && ++k2 == 0 && ++k3 == 0)
                    {
                        k4++;
                    }
                }
                else
                {
                    // digit = k mod 2^w, so this clears the low bits without a borrow.
                    k0 -= (ulong)digit;
                }
            }

            digits[length++] = (sbyte)digit;
            k0 = (k0 >> 1) | (k1 << 63);
            k1 = (k1 >> 1) | (k2 << 63);
            k2 = (k2 >> 1) | (k3 << 63);
            k3 = (k3 >> 1) | (k4 << 63);
            k4 >>= 1;
        }

        return length;
    }
}
