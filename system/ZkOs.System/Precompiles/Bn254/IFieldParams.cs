// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The constants of a prime field below 2^254 for <see cref="Fp256{TParams}"/>: the modulus and the
/// Montgomery constants for R = 2^256. Implemented by an empty struct, so every use is a JIT-time
/// constant in the specialised code. The two spare top bits are required: the multiplication skips the
/// final carry word (Botrel and El Housni, "EdMSM", 2022: valid when the top limb is below
/// 2^63 - 1) and additions never overflow 256 bits.
/// </summary>
internal interface IFieldParams
{
    /// <summary>The modulus, least significant limb first.</summary>
    static abstract ulong Modulus0 { get; }

    static abstract ulong Modulus1 { get; }

    static abstract ulong Modulus2 { get; }

    static abstract ulong Modulus3 { get; }

    /// <summary>-p^-1 mod 2^64, the Montgomery reduction factor.</summary>
    static abstract ulong NegativeInverse { get; }

    /// <summary>R^2 mod p, which converts an integer into Montgomery form with one multiplication.</summary>
    static abstract ulong RSquared0 { get; }

    static abstract ulong RSquared1 { get; }

    static abstract ulong RSquared2 { get; }

    static abstract ulong RSquared3 { get; }

    /// <summary>R mod p: the Montgomery form of 1.</summary>
    static abstract ulong One0 { get; }

    static abstract ulong One1 { get; }

    static abstract ulong One2 { get; }

    static abstract ulong One3 { get; }

    /// <summary>The modulus as limbs, for exponent arithmetic done once (Frobenius constants, inversion).</summary>
    static abstract ReadOnlySpan<ulong> ModulusLimbs { get; }
}
