// SPDX-License-Identifier: MIT
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>
/// The test oracle: ECDSA signing and public-key recovery written directly on BouncyCastle's curve
/// arithmetic (slow, independent of the code under test).
/// </summary>
internal static class Secp256k1Reference
{
    public static readonly X9ECParameters Curve = SecNamedCurves.GetByName("secp256k1");

    public static BigInteger N => Curve.N;

    public static BigInteger P => Curve.Curve.Field.Characteristic;

    public static byte[] To32(BigInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        var result = new byte[32];
        bytes.CopyTo(result, 32 - bytes.Length);
        return result;
    }

    /// <summary>X ‖ Y of d·G.</summary>
    public static byte[] PublicKey(BigInteger privateKey) => Encode(Curve.G.Multiply(privateKey).Normalize());

    /// <summary>keccak256(X ‖ Y)[12..].</summary>
    public static byte[] Address(byte[] publicKey)
    {
        var keccak = new KeccakDigest(256);
        keccak.BlockUpdate(publicKey, 0, publicKey.Length);
        var hash = new byte[32];
        keccak.DoFinal(hash, 0);
        return hash[12..];
    }

    /// <summary>A deterministic (RFC 6979) signature with the recovery id that gives back the key; s may be high.</summary>
    public static (byte[] R, byte[] S, int RecoveryId) Sign(byte[] hash, BigInteger privateKey)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(privateKey, new ECDomainParameters(Curve.Curve, Curve.G, Curve.N, Curve.H)));
        var rs = signer.GenerateSignature(hash);
        var r = To32(rs[0]);
        var s = To32(rs[1]);
        var expected = PublicKey(privateKey);
        for (int id = 0; id < 4; id++)
        {
            if (Recover(hash, r, s, id) is { } key && key.AsSpan().SequenceEqual(expected))
                return (r, s, id);
        }
        throw new InvalidOperationException("no recovery id reproduces the key");
    }

    /// <summary>Q = r⁻¹(sR − eG), or null when the signature recovers no key.</summary>
    public static byte[]? Recover(byte[] hash, byte[] r32, byte[] s32, int recoveryId)
    {
        var r = new BigInteger(1, r32);
        var s = new BigInteger(1, s32);
        if (recoveryId is < 0 or > 3 || r.SignValue == 0 || s.SignValue == 0 || r.CompareTo(N) >= 0 || s.CompareTo(N) >= 0)
            return null;
        var x = recoveryId >= 2 ? r.Add(N) : r;
        if (x.CompareTo(P) >= 0)
            return null;
        var compressed = new byte[33];
        compressed[0] = (byte)(0x02 | (recoveryId & 1));
        To32(x).CopyTo(compressed, 1);
        ECPoint rPoint;
        try
        {
            rPoint = Curve.Curve.DecodePoint(compressed);
        }
        catch (ArgumentException)
        {
            return null; // x is not on the curve
        }
        var e = new BigInteger(1, hash).Mod(N);
        var q = rPoint.Multiply(s).Subtract(Curve.G.Multiply(e)).Multiply(r.ModInverse(N)).Normalize();
        return q.IsInfinity ? null : Encode(q);
    }

    private static byte[] Encode(ECPoint normalized)
    {
        var result = new byte[64];
        To32(normalized.AffineXCoord.ToBigInteger()).CopyTo(result, 0);
        To32(normalized.AffineYCoord.ToBigInteger()).CopyTo(result, 32);
        return result;
    }
}
