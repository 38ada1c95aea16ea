// SPDX-License-Identifier: MIT
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254G1Params>;
using G2 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>, ZkOs.System.Precompiles.Bn254.Bn254G2Params>;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The EVM encodings of EIP-196 and EIP-197: 32-byte big-endian field elements, a G1 point as x ‖ y
/// (64 bytes), a G2 point as x ‖ y with each Fp2 element written imaginary part first, a·i + b as a ‖ b
/// (128 bytes). All-zero coordinates encode the point at infinity; anything else must be canonical
/// (below p) and on its curve, and a G2 point must also lie in the order-r subgroup.
/// </summary>
internal static class Bn254Encoding
{
    public const int G1Length = 64;
    public const int G2Length = 128;

    /// <summary>Decodes a G1 point; false if a coordinate is not below p or the point is not on the curve.</summary>
    public static bool TryReadG1(ReadOnlySpan<byte> source, out Fq x, out Fq y, out bool isInfinity)
    {
        isInfinity = false;
        if (!Fq.TryReadBigEndian(source[..32], out x) | !Fq.TryReadBigEndian(source.Slice(32, 32), out y))
        {
            return false;
        }

        if (Fq.IsZero(in x) && Fq.IsZero(in y))
        {
            isInfinity = true;
            return true;
        }

        return G1.IsOnCurve(in x, in y);
    }

    /// <summary>Decodes a G1 point into Jacobian coordinates (Z = 0 for infinity).</summary>
    public static bool TryReadG1(ReadOnlySpan<byte> source, out G1 point)
    {
        if (!TryReadG1(source, out var x, out var y, out bool isInfinity))
        {
            point = default;
            return false;
        }

        point = isInfinity ? G1.Infinity : G1.FromAffine(in x, in y);
        return true;
    }

    /// <summary>
    /// Decodes a G2 point; false if a coordinate is not below p, the point is not on the twist, or it is
    /// not in the order-r subgroup (the subgroup test is the expensive part: one 63-bit multiplication).
    /// </summary>
    public static bool TryReadG2(ReadOnlySpan<byte> source, out Fq2 x, out Fq2 y, out bool isInfinity)
    {
        if (!TryReadG2Coordinates(source, out x, out y, out isInfinity))
        {
            return false;
        }

        return isInfinity || (G2.IsOnCurve(in x, in y) && Bn254G2.IsInSubgroup(G2.FromAffine(in x, in y)));
    }

    /// <summary>
    /// Decodes the two Fp2 coordinates of a G2 point without the curve and subgroup tests (for input that
    /// was validated already); false if a coordinate is not below p.
    /// </summary>
    public static bool TryReadG2Coordinates(ReadOnlySpan<byte> source, out Fq2 x, out Fq2 y, out bool isInfinity)
    {
        bool canonical = Fq.TryReadBigEndian(source[..32], out var xIm)
            & Fq.TryReadBigEndian(source.Slice(32, 32), out var xRe)
            & Fq.TryReadBigEndian(source.Slice(64, 32), out var yIm)
            & Fq.TryReadBigEndian(source.Slice(96, 32), out var yRe);
        x = new Fq2(in xRe, in xIm);
        y = new Fq2(in yRe, in yIm);
        isInfinity = Fq2.IsZero(in x) && Fq2.IsZero(in y);
        return canonical;
    }

    /// <summary>Writes the 64-byte affine encoding, all zeros for the point at infinity.</summary>
    public static void WriteG1(in G1 point, Span<byte> destination)
    {
        if (!G1.ToAffine(in point, out var x, out var y))
        {
            destination[..G1Length].Clear();
            return;
        }

        Fq.WriteBigEndian(in x, destination[..32]);
        Fq.WriteBigEndian(in y, destination.Slice(32, 32));
    }
}
