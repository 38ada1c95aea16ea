// SPDX-License-Identifier: MIT
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC.Multiplier;
using ZkOs.Framework.Primitives;
using ZkOs.System.Precompiles;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// Signs transactions for tests and sample blocks: secp256k1 ECDSA with RFC 6979 deterministic
/// nonces (HMAC-SHA256), <c>s</c> normalised to the low half (EIP-2, which validation enforces), and
/// <c>v = 27 + recovery id</c> as ZKsync OS expects for every type. Not constant time: never for real keys.
/// </summary>
public static class ZkSyncTransactionSigner
{
    /// <summary>Private key size in bytes.</summary>
    public const int PrivateKeySize = 32;

    /// <summary>Signature size: <c>r ‖ s ‖ v</c>.</summary>
    public const int SignatureSize = 65;

    private static readonly X9ECParameters _curve = SecNamedCurves.GetByName("secp256k1");

    private static readonly ECDomainParameters _domain = new(_curve.Curve, _curve.G, _curve.N, _curve.H);

    private static readonly BigInteger _halfN = _curve.N.ShiftRight(1);

    // The comb multiplier precomputes multiples of G once; ECDsaSigner uses the same one.
    private static readonly FixedPointCombMultiplier _multiplier = new();

    /// <summary>
    /// The transaction with <see cref="ZkSyncTransaction.From"/> set to the key's address and
    /// <see cref="ZkSyncTransaction.Signature"/> to a signature of its signed hash. From is set
    /// first because the 0x71 signed hash covers it.
    /// </summary>
    /// <exception cref="InvalidOperationException">An L1 or upgrade transaction, which is never signed.</exception>
    public static ZkSyncTransaction Sign(ZkSyncTransaction transaction, ulong chainId, ReadOnlySpan<byte> privateKey)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var sender = AddressOf(privateKey);
        var withSender = transaction with { From = sender };
        var hash = ZkSyncTransactionHashes.SignedHash(withSender, chainId).Hash;
        return withSender with { Signature = SignHash(hash, privateKey, sender) };
    }

    /// <summary><c>r ‖ s ‖ v</c> over a 32-byte hash, with low <c>s</c> and <c>v</c> 27 or 28.</summary>
    /// <exception cref="ArgumentException">The key is not a scalar in [1, n-1].</exception>
    public static byte[] SignHash(in Bytes32 hash, ReadOnlySpan<byte> privateKey) =>
        SignHash(hash, privateKey, AddressOf(privateKey));

    private static byte[] SignHash(in Bytes32 hash, ReadOnlySpan<byte> privateKey, Address sender)
    {
        var d = Scalar(privateKey);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, _domain));
        var message = hash.ToArray();
        var rs = signer.GenerateSignature(message);
        var r = rs[0];
        var s = rs[1].CompareTo(_halfN) > 0 ? _curve.N.Subtract(rs[1]) : rs[1];

        var signature = new byte[SignatureSize];
        WriteScalar(r, signature.AsSpan(0, 32));
        WriteScalar(s, signature.AsSpan(32, 32));

        // BouncyCastle does not return R, so find the recovery id by recovering: 0 or 1 (R.x = r);
        // 2 and 3 (R.x = r + n) happen with probability about 2^-127 and cannot be put in v anyway.
        for (int id = 0; id < 2; id++)
        {
            if (Secp256k1.TryRecoverAddress(message, signature.AsSpan(0, 32), signature.AsSpan(32, 32), id, out var recovered)
                && recovered == sender)
            {
                signature[64] = (byte)(27 + id);
                return signature;
            }
        }
        throw new InvalidOperationException("the signature's R has x >= n, which v = 27/28 cannot express");
    }

    /// <summary>The Ethereum address of a private key: the last 20 bytes of keccak(X ‖ Y).</summary>
    /// <exception cref="ArgumentException">The key is not a scalar in [1, n-1].</exception>
    public static Address AddressOf(ReadOnlySpan<byte> privateKey)
    {
        var point = _multiplier.Multiply(_domain.G, Scalar(privateKey)).Normalize();
        Span<byte> publicKey = stackalloc byte[Secp256k1.PublicKeySize];
        WriteScalar(point.AffineXCoord.ToBigInteger(), publicKey[..32]);
        WriteScalar(point.AffineYCoord.ToBigInteger(), publicKey[32..]);
        return Secp256k1.AddressOfPublicKey(publicKey);
    }

    private static BigInteger Scalar(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeySize)
            throw new ArgumentException($"a private key is {PrivateKeySize} bytes, not {privateKey.Length}", nameof(privateKey));
        var d = new BigInteger(1, privateKey.ToArray());
        if (d.SignValue == 0 || d.CompareTo(_curve.N) >= 0)
            throw new ArgumentException("a private key must be in [1, n-1]", nameof(privateKey));
        return d;
    }

    // Big-endian, left-padded to the destination's 32 bytes.
    private static void WriteScalar(BigInteger value, Span<byte> destination)
    {
        var bytes = value.ToByteArrayUnsigned();
        destination.Clear();
        bytes.CopyTo(destination[(destination.Length - bytes.Length)..]);
    }
}
