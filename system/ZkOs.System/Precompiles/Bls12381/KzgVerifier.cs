// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381G1Params>;
using G2 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>, ZkOs.System.Precompiles.Bls12381.Bls12381G2Params>;
using LineFunction = ZkOs.System.Precompiles.Bn254.LineFunction<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using PreparedPair = ZkOs.System.Precompiles.Bn254.PreparedPair<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;

namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// KZG opening-proof verification for EIP-4844 blobs: verify_kzg_proof of the consensus specs
/// (specs/deneb/polynomial-commitments.md). A proof π shows that the polynomial committed to by C takes the
/// value y at z when e(C - [y]G1, -G2) · e(π, [τ]G2 - [z]G2) = 1. Rewritten by bilinearity as
/// e(C - [y]G1 + [z]π, -G2) · e(π, [τ]G2) = 1, both G2 arguments are constants, so their Miller-loop lines are
/// computed once and the per-call work is one double scalar multiplication in G1, a Miller loop without G2
/// arithmetic and one final exponentiation. The check is an equality of group elements either way, so the two
/// forms accept exactly the same inputs.
/// </summary>
internal static class KzgVerifier
{
    public const int FieldElementLength = 32;

    /// <summary>FIELD_ELEMENTS_PER_BLOB of EIP-4844.</summary>
    public const int FieldElementsPerBlob = 4096;

    /// <summary>
    /// [τ]G2, the second G2 point (KZG_SETUP_G2[1], the monomial form) of Ethereum's KZG ceremony output
    /// (https://github.com/ethereum/kzg-ceremony-sequencer, "powers of tau" for 4096 G1 and 65 G2 points), in
    /// the compressed encoding. Taken from trusted_setup.txt as shipped by c-kzg-4844 in the npm package
    /// c-kzg@4.1.0 (deps/c-kzg/trusted_setup.txt, line 4100: after the two counts and the 4096 G1 Lagrange
    /// points, the G2 points start with the generator on line 4099). Verification needs no other point of the
    /// setup.
    /// </summary>
    public const string TauG2Hex =
        "b5bfd7dd8cdeb128843bc287230af38926187075cbfbefa81009a2ce615ac53d2914e5870cb452d2afaaab24f3499f72"
        + "185cbfee53492714734429b7b38608e23926c911cceceac9a36851477ba4c60b087041de621000edc98edada20c1def2";

    /// <summary>BLS_MODULUS, the order r of G1 and G2 (the scalar field of the commitments).</summary>
    public static readonly UInt256 BlsModulus = new(0xFFFFFFFF00000001, 0x53BDA402FFFE5BFE, 0x3339D80809A1D805, 0x73EDA753299D7D48);

    /// <summary>-G1: C - [y]G1 + [z]π is computed as [y](-G1) + [z]π + C.</summary>
    private static readonly G1 _negatedGenerator = NegateGenerator();

    /// <summary>The lines of -G2, the first pairing's fixed argument.</summary>
    private static readonly LineFunction[] _negatedG2Lines = PrepareNegatedG2();

    /// <summary>The lines of [τ]G2, the second pairing's fixed argument.</summary>
    private static readonly LineFunction[] _tauLines = PrepareTau();

    /// <summary>
    /// verify_kzg_proof(commitment, z, y, proof): <see cref="KzgProofStatus.Malformed"/> when an input fails
    /// its decoding (wrong length, z or y not below r, a commitment or proof that is not a compressed G1 point
    /// of the order-r subgroup; the point at infinity is allowed), otherwise the pairing check's verdict.
    /// </summary>
    public static KzgProofStatus VerifyProof(ReadOnlySpan<byte> commitment, ReadOnlySpan<byte> z, ReadOnlySpan<byte> y, ReadOnlySpan<byte> proof)
    {
        if (!TryReadScalar(z, out var zScalar) || !TryReadScalar(y, out var yScalar)
            || !TryReadG1(commitment, out var c) || !TryReadG1(proof, out var pi))
        {
            return KzgProofStatus.Malformed;
        }

        // A = C - [y]G1 + [z]π
        G1.MultiplyTwo(in _negatedGenerator, in yScalar, in pi, in zScalar, out var a);
        G1.Add(in a, in c, out a);

        // A pair with a point at infinity contributes 1. A needs one inversion to become affine; π is affine as
        // decoded (Z = 1).
        bool holds;
        if (G1.ToAffine(in a, out var ax, out var ay))
        {
            holds = pi.IsInfinity
                ? Bls12381Pairing.Check([new PreparedPair(in ax, in ay, _negatedG2Lines)])
                : Bls12381Pairing.Check([new PreparedPair(in ax, in ay, _negatedG2Lines), new PreparedPair(in pi.X, in pi.Y, _tauLines)]);
        }
        else
        {
            holds = pi.IsInfinity || Bls12381Pairing.Check([new PreparedPair(in pi.X, in pi.Y, _tauLines)]);
        }

        return holds ? KzgProofStatus.Valid : KzgProofStatus.Invalid;
    }

    /// <summary>bytes_to_bls_field: a 32-byte big-endian integer below r.</summary>
    private static bool TryReadScalar(ReadOnlySpan<byte> source, out UInt256 value)
    {
        value = default;
        if (source.Length != FieldElementLength)
        {
            return false;
        }

        value = UInt256.ReadBigEndian(source);
        return UInt256.LessThan(in value, in BlsModulus);
    }

    /// <summary>validate_kzg_g1: a compressed G1 point, the point at infinity or a point of the order-r subgroup.</summary>
    private static bool TryReadG1(ReadOnlySpan<byte> source, out G1 point) =>
        Bls12381Encoding.TryDecompressG1(source, out point) && Bls12381G1.IsInSubgroup(in point);

    private static G1 NegateGenerator()
    {
        G1.Negate(in Bls12381G1.Generator, out var negated);
        return negated;
    }

    private static LineFunction[] PrepareNegatedG2()
    {
        G2.Negate(in Bls12381G2.Generator, out var negated);
        return Bls12381Pairing.Prepare(in negated.X, in negated.Y);
    }

    private static LineFunction[] PrepareTau()
    {
        if (!Bls12381Encoding.TryDecompressG2(Convert.FromHexString(TauG2Hex), out var tau)
            || tau.IsInfinity || !Bls12381G2.IsInSubgroup(in tau) || !G2.ToAffine(in tau, out Fq2 x, out Fq2 y))
        {
            throw new InvalidOperationException("The trusted setup's [τ]G2 is not a point of G2.");
        }

        return Bls12381Pairing.Prepare(in x, in y);
    }
}
