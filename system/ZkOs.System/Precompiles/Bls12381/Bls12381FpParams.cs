// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// The base field of BLS12-381: p = (x - 1)^2 (x^4 - x^2 + 1)/3 + x with x = -0xd201000000010000 (Bowe,
/// "BLS12-381: new zk-SNARK elliptic curve construction", 2017), that is
/// p = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab,
/// a 381-bit prime with p = 3 (mod 4) and p = 1 (mod 6).
/// </summary>
internal readonly struct Bls12381FpParams : IFieldParams384
{
    public static ulong Modulus0 => 0xB9FEFFFFFFFFAAAB;

    public static ulong Modulus1 => 0x1EABFFFEB153FFFF;

    public static ulong Modulus2 => 0x6730D2A0F6B0F624;

    public static ulong Modulus3 => 0x64774B84F38512BF;

    public static ulong Modulus4 => 0x4B1BA7B6434BACD7;

    public static ulong Modulus5 => 0x1A0111EA397FE69A;

    public static ulong NegativeInverse => 0x89F3FFFCFFFCFFFD;

    public static ulong RSquared0 => 0xF4DF1F341C341746;

    public static ulong RSquared1 => 0x0A76E6A609D104F1;

    public static ulong RSquared2 => 0x8DE5476C4C95B6D5;

    public static ulong RSquared3 => 0x67EB88A9939D83C0;

    public static ulong RSquared4 => 0x9A793E85B519952D;

    public static ulong RSquared5 => 0x11988FE592CAE3AA;

    public static ulong One0 => 0x760900000002FFFD;

    public static ulong One1 => 0xEBF4000BC40C0002;

    public static ulong One2 => 0x5F48985753C758BA;

    public static ulong One3 => 0x77CE585370525745;

    public static ulong One4 => 0x5C071A97A256EC6D;

    public static ulong One5 => 0x15F65EC3FA80E493;

    public static ReadOnlySpan<ulong> ModulusLimbs =>
    [
        0xB9FEFFFFFFFFAAAB, 0x1EABFFFEB153FFFF, 0x6730D2A0F6B0F624, 0x64774B84F38512BF, 0x4B1BA7B6434BACD7, 0x1A0111EA397FE69A,
    ];
}
