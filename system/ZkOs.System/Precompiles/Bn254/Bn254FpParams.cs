// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The base field of BN254 (alt_bn128, EIP-196): p = 36u^4 + 36u^3 + 24u^2 + 6u + 1 with
/// u = 4965661367192848881, that is
/// p = 21888242871839275222246405745257275088696311157297823662689037894645226208583
/// = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47.
/// </summary>
internal readonly struct Bn254FpParams : IFieldParams
{
    public static ulong Modulus0 => 0x3C208C16D87CFD47;

    public static ulong Modulus1 => 0x97816A916871CA8D;

    public static ulong Modulus2 => 0xB85045B68181585D;

    public static ulong Modulus3 => 0x30644E72E131A029;

    public static ulong NegativeInverse => 0x87D20782E4866389;

    public static ulong RSquared0 => 0xF32CFC5B538AFA89;

    public static ulong RSquared1 => 0xB5E71911D44501FB;

    public static ulong RSquared2 => 0x47AB1EFF0A417FF6;

    public static ulong RSquared3 => 0x06D89F71CAB8351F;

    public static ulong One0 => 0xD35D438DC58F0D9D;

    public static ulong One1 => 0x0A78EB28F5C70B3D;

    public static ulong One2 => 0x666EA36F7879462C;

    public static ulong One3 => 0x0E0A77C19A07DF2F;

    public static ReadOnlySpan<ulong> ModulusLimbs =>
        [0x3C208C16D87CFD47, 0x97816A916871CA8D, 0xB85045B68181585D, 0x30644E72E131A029];
}
