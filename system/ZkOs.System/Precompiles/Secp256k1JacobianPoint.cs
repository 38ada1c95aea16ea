// SPDX-License-Identifier: MIT
using Fe = ZkOs.System.Precompiles.Secp256k1FieldElement;

namespace ZkOs.System.Precompiles;

/// <summary>
/// A secp256k1 point in Jacobian coordinates, (X, Y, Z) standing for (X/Z², Y/Z³), so that additions
/// and doublings need no field inversion. Z = 0 is the point at infinity.
/// </summary>
/// <remarks>
/// The formulas are the a = 0 ones from the Explicit-Formulas Database (dbl-2009-l, madd-2007-bl,
/// add-2007-bl). The additions handle every special case (either side at infinity, P + P, P + (-P)),
/// because ecrecover's inputs are attacker-chosen and a crafted signature can steer the
/// multi-scalar multiplication into them. Results are written only after all inputs are read, so
/// <c>out</c> may alias <c>in</c>.
/// </remarks>
internal struct Secp256k1JacobianPoint
{
    public Fe X;
    public Fe Y;
    public Fe Z;

    public Secp256k1JacobianPoint(in Fe x, in Fe y, in Fe z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static Secp256k1JacobianPoint Infinity => default;

    public readonly bool IsInfinity => Z.IsZero;

    public static Secp256k1JacobianPoint FromAffine(in Secp256k1AffinePoint p) => new(in p.X, in p.Y, Fe.One);

    public static void Negate(in Secp256k1JacobianPoint p, out Secp256k1JacobianPoint result)
    {
        Fe.Negate(in p.Y, out var y);
        result = new Secp256k1JacobianPoint(in p.X, in y, in p.Z);
    }

    public static void Double(in Secp256k1JacobianPoint p, out Secp256k1JacobianPoint result)
    {
        if (p.Z.IsZero)
        {
            result = default;
            return;
        }
        // No point of order two exists on secp256k1 (odd group order), so Y ≠ 0 here.
        Fe.Square(in p.X, out var a);
        Fe.Square(in p.Y, out var b);
        Fe.Square(in b, out var c);
        Fe.Add(in p.X, in b, out var d);
        Fe.Square(in d, out d);
        Fe.Sub(in d, in a, out d);
        Fe.Sub(in d, in c, out d);
        Fe.Double(in d, out d);
        Fe.Double(in a, out var e);
        Fe.Add(in e, in a, out e);
        Fe.Square(in e, out var f);
        Fe.Multiply(in p.Y, in p.Z, out var z3);
        Fe.Double(in z3, out z3);
        Fe.Double(in d, out var x3);
        Fe.Sub(in f, in x3, out x3);
        Fe.Sub(in d, in x3, out var y3);
        Fe.Multiply(in e, in y3, out y3);
        Fe.Double(in c, out c);
        Fe.Double(in c, out c);
        Fe.Double(in c, out c);
        Fe.Sub(in y3, in c, out y3);
        result = new Secp256k1JacobianPoint(in x3, in y3, in z3);
    }

    /// <summary>p + q where q is affine (its Z is 1).</summary>
    public static void AddMixed(in Secp256k1JacobianPoint p, in Secp256k1AffinePoint q, out Secp256k1JacobianPoint result)
    {
        if (p.Z.IsZero)
        {
            result = FromAffine(in q);
            return;
        }
        Fe.Square(in p.Z, out var z1z1);
        Fe.Multiply(in q.X, in z1z1, out var u2);
        Fe.Multiply(in p.Z, in z1z1, out var s2);
        Fe.Multiply(in q.Y, in s2, out s2);
        Fe.Sub(in u2, in p.X, out var h);
        Fe.Sub(in s2, in p.Y, out var r);
        if (h.IsZero)
        {
            if (r.IsZero)
            {
                Double(in p, out result);
            }
            else
            {
                result = default;
            }
            return;
        }
        Fe.Double(in r, out r);
        Fe.Square(in h, out var hh);
        Fe.Double(in hh, out var i);
        Fe.Double(in i, out i);
        Fe.Multiply(in h, in i, out var j);
        Fe.Multiply(in p.X, in i, out var v);
        Fe.Square(in r, out var x3);
        Fe.Sub(in x3, in j, out x3);
        Fe.Sub(in x3, in v, out x3);
        Fe.Sub(in x3, in v, out x3);
        Fe.Sub(in v, in x3, out var y3);
        Fe.Multiply(in r, in y3, out y3);
        Fe.Multiply(in p.Y, in j, out var t);
        Fe.Double(in t, out t);
        Fe.Sub(in y3, in t, out y3);
        Fe.Add(in p.Z, in h, out var z3);
        Fe.Square(in z3, out z3);
        Fe.Sub(in z3, in z1z1, out z3);
        Fe.Sub(in z3, in hh, out z3);
        result = new Secp256k1JacobianPoint(in x3, in y3, in z3);
    }

    public static void Add(in Secp256k1JacobianPoint p, in Secp256k1JacobianPoint q, out Secp256k1JacobianPoint result)
    {
        if (p.Z.IsZero)
        {
            result = q;
            return;
        }
        if (q.Z.IsZero)
        {
            result = p;
            return;
        }
        Fe.Square(in p.Z, out var z1z1);
        Fe.Square(in q.Z, out var z2z2);
        Fe.Multiply(in p.X, in z2z2, out var u1);
        Fe.Multiply(in q.X, in z1z1, out var u2);
        Fe.Multiply(in q.Z, in z2z2, out var s1);
        Fe.Multiply(in p.Y, in s1, out s1);
        Fe.Multiply(in p.Z, in z1z1, out var s2);
        Fe.Multiply(in q.Y, in s2, out s2);
        Fe.Sub(in u2, in u1, out var h);
        Fe.Sub(in s2, in s1, out var r);
        if (h.IsZero)
        {
            if (r.IsZero)
            {
                Double(in p, out result);
            }
            else
            {
                result = default;
            }
            return;
        }
        Fe.Double(in r, out r);
        Fe.Double(in h, out var i);
        Fe.Square(in i, out i);
        Fe.Multiply(in h, in i, out var j);
        Fe.Multiply(in u1, in i, out var v);
        Fe.Square(in r, out var x3);
        Fe.Sub(in x3, in j, out x3);
        Fe.Sub(in x3, in v, out x3);
        Fe.Sub(in x3, in v, out x3);
        Fe.Sub(in v, in x3, out var y3);
        Fe.Multiply(in r, in y3, out y3);
        Fe.Multiply(in s1, in j, out var t);
        Fe.Double(in t, out t);
        Fe.Sub(in y3, in t, out y3);
        Fe.Add(in p.Z, in q.Z, out var z3);
        Fe.Square(in z3, out z3);
        Fe.Sub(in z3, in z1z1, out z3);
        Fe.Sub(in z3, in z2z2, out z3);
        Fe.Multiply(in z3, in h, out z3);
        result = new Secp256k1JacobianPoint(in x3, in y3, in z3);
    }

    /// <summary>The affine form; false for the point at infinity.</summary>
    public readonly bool TryToAffine(out Secp256k1AffinePoint result)
    {
        if (Z.IsZero)
        {
            result = default;
            return false;
        }
        Fe.Invert(in Z, out var zInv);
        Fe.Square(in zInv, out var zInv2);
        Fe.Multiply(in zInv2, in zInv, out var zInv3);
        Fe.Multiply(in X, in zInv2, out var x);
        Fe.Multiply(in Y, in zInv3, out var y);
        result = new Secp256k1AffinePoint(in x, in y);
        return true;
    }
}
