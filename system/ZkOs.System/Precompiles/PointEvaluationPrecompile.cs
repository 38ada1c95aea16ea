// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles.Bls12381;

namespace ZkOs.System.Precompiles;

/// <summary>
/// KZG point evaluation at 0x0a (EIP-4844, "Point evaluation precompile"). The input is exactly 192 bytes,
/// versioned_hash ‖ z ‖ y ‖ commitment ‖ proof (32, 32, 32, 48 and 48 bytes); the call succeeds when the
/// versioned hash is 0x01 ‖ sha256(commitment)[1..], z and y are below the BLS modulus, the commitment and the
/// proof are compressed G1 points of the order-r subgroup, and the proof shows that the committed polynomial
/// takes the value y at z (<see cref="KzgVerifier"/>). Its output is FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as
/// two 32-byte big-endian words. Any other input is a precompile failure. The price, 50000 gas, is charged
/// before anything is checked, so a failure consumes it (and, as every failed precompile, all passed ergs).
/// </summary>
/// <remarks>
/// Native model: reference/zksync-os.md §4.8 has no figure (the snapshot treats 0x0a as an empty account).
/// <see cref="NativeCost"/> is derived from the BN254 pairing's model (15,000,000 per pair plus a base of one
/// pair: 45,000,000 for a two-pair check) scaled by the measured time of a point evaluation against a two-pair
/// BN254 check on the same machine and build (<c>zkos bench</c> prints both and the product): the ratio measured
/// 1.73 to 1.95 (a point evaluation is one double scalar multiplication in G1, two decompressions with subgroup
/// tests, a two-pair Miller loop and a final exponentiation, all over 381-bit arithmetic), so 45,000,000 × 1.89,
/// rounded up to a million. A later repricing should redo the measurement on the proving target.
/// </remarks>
public sealed class PointEvaluationPrecompile : IPrecompile
{
    /// <summary>EIP-4844: POINT_EVALUATION_PRECOMPILE_GAS.</summary>
    public const ulong Gas = 50_000;

    /// <summary>See the remarks: the BN254 two-pair native cost scaled by measured time.</summary>
    public const ulong NativeCost = 85_000_000;

    public const int InputLength = 192;
    public const int OutputLength = 64;

    /// <summary>VERSIONED_HASH_VERSION_KZG of EIP-4844.</summary>
    public const byte VersionedHashVersionKzg = 0x01;

    private readonly NativeKzg? _native;

    private PointEvaluationPrecompile(NativeKzg? native)
    {
        _native = native;
    }

    /// <summary>The precompile on the managed BLS12-381 (<see cref="KzgVerifier"/>): the default everywhere.</summary>
    public static PointEvaluationPrecompile Instance { get; } = new(null);

    /// <summary>Whether this instance verifies through a native library.</summary>
    public bool IsNative => _native is not null;

    /// <summary>
    /// An instance that verifies proofs through <paramref name="native"/> (an optional accelerator; the caller
    /// keeps it alive and disposes of it). Same inputs, same answers, same price as <see cref="Instance"/>.
    /// </summary>
    public static PointEvaluationPrecompile WithNative(NativeKzg native)
    {
        ArgumentNullException.ThrowIfNull(native);
        return new PointEvaluationPrecompile(native);
    }

    public ushort Address => 0x0a;

    public string Name => "point_evaluation";

    public PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output)
    {
        var status = PrecompileCharging.Charge(ref resources, Gas, NativeCost);
        if (status != PrecompileStatus.Success)
        {
            return status;
        }

        if (!Verify(input))
        {
            return PrecompileStatus.InvalidInput;
        }

        var destination = output.GetSpan(OutputLength)[..OutputLength];
        WriteReturnValue(destination);
        output.Advance(OutputLength);
        return PrecompileStatus.Success;
    }

    /// <summary>The check of EIP-4844's point_evaluation_precompile without the pricing: true when it returns.</summary>
    public bool Verify(ReadOnlySpan<byte> input)
    {
        if (input.Length != InputLength)
        {
            return false;
        }

        var versionedHash = input[..32];
        var z = input.Slice(32, 32);
        var y = input.Slice(64, 32);
        var commitment = input.Slice(96, 48);
        var proof = input.Slice(144, 48);

        // kzg_to_versioned_hash(commitment) = VERSIONED_HASH_VERSION_KZG ‖ sha256(commitment)[1:]
        Span<byte> hash = stackalloc byte[Sha256Hash.OutputSize];
        Sha256Hash.Hash(commitment, hash);
        hash[0] = VersionedHashVersionKzg;
        if (!hash.SequenceEqual(versionedHash))
        {
            return false;
        }

        return _native is { } native
            ? native.VerifyProof(commitment, z, y, proof) == true
            : KzgVerifier.VerifyProof(commitment, z, y, proof) == KzgProofStatus.Valid;
    }

    /// <summary>U256(FIELD_ELEMENTS_PER_BLOB) ‖ U256(BLS_MODULUS), both big-endian.</summary>
    public static void WriteReturnValue(Span<byte> destination)
    {
        destination = destination[..OutputLength];
        destination.Clear();
        destination[30] = KzgVerifier.FieldElementsPerBlob >> 8;
        destination[31] = KzgVerifier.FieldElementsPerBlob & 0xFF;
        KzgVerifier.BlsModulus.WriteBigEndian(destination[32..]);
    }
}
