// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// The constants of a prime field below 2^382 for <see cref="Fp384{TParams}"/>: the modulus and the
/// Montgomery constants for R = 2^384, implemented by an empty struct so that every use is a JIT-time
/// constant. The spare top bits play the role they play for <see cref="Bn254.IFieldParams"/>: the
/// multiplication may skip the final carry word (the top limb is below 2^63 - 1, Botrel and El Housni,
/// "EdMSM", 2022), a sum of two reduced values fits in 384 bits, and 4p &lt; R bounds the lazy reductions.
/// </summary>
internal interface IFieldParams384
{
    /// <summary>The modulus, least significant limb first.</summary>
    static abstract ulong Modulus0 { get; }

    static abstract ulong Modulus1 { get; }

    static abstract ulong Modulus2 { get; }

    static abstract ulong Modulus3 { get; }

    static abstract ulong Modulus4 { get; }

    static abstract ulong Modulus5 { get; }

    /// <summary>-p^-1 mod 2^64, the Montgomery reduction factor.</summary>
    static abstract ulong NegativeInverse { get; }

    /// <summary>R^2 mod p, which converts an integer into Montgomery form with one multiplication.</summary>
    static abstract ulong RSquared0 { get; }

    static abstract ulong RSquared1 { get; }

    static abstract ulong RSquared2 { get; }

    static abstract ulong RSquared3 { get; }

    static abstract ulong RSquared4 { get; }

    static abstract ulong RSquared5 { get; }

    /// <summary>R mod p: the Montgomery form of 1.</summary>
    static abstract ulong One0 { get; }

    static abstract ulong One1 { get; }

    static abstract ulong One2 { get; }

    static abstract ulong One3 { get; }

    static abstract ulong One4 { get; }

    static abstract ulong One5 { get; }

    /// <summary>The modulus as limbs, for exponent arithmetic done once (Frobenius constants, inversion, square roots).</summary>
    static abstract ReadOnlySpan<ulong> ModulusLimbs { get; }
}
