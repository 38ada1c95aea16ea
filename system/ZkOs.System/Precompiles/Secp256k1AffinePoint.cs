// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles;

/// <summary>
/// A finite secp256k1 point in affine coordinates. Tables of precomputed multiples are kept in this
/// form because adding an affine point to a Jacobian one (mixed addition) is the cheapest addition.
/// </summary>
internal struct Secp256k1AffinePoint
{
    public Secp256k1FieldElement X;
    public Secp256k1FieldElement Y;

    public Secp256k1AffinePoint(in Secp256k1FieldElement x, in Secp256k1FieldElement y)
    {
        X = x;
        Y = y;
    }

    /// <summary>Whether y² = x³ + 7.</summary>
    public readonly bool IsOnCurve()
    {
        Secp256k1FieldElement.Square(in X, out var x2);
        Secp256k1FieldElement.Multiply(in x2, in X, out var rhs);
        var seven = new Secp256k1FieldElement(7, 0, 0, 0);
        Secp256k1FieldElement.Add(in rhs, in seven, out rhs);
        Secp256k1FieldElement.Square(in Y, out var lhs);
        return lhs.Equals(in rhs);
    }
}
