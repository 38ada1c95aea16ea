// SPDX-License-Identifier: MIT
namespace ZkOs.System.ZkSync.Accounts;

/// <summary>
/// The packed <c>versioning_data</c> word of <see cref="AccountProperties"/> (reference §4.3). One
/// byte per field, most significant first: deployment status (bits 56..63), EE version (48..55),
/// code version (40..47), system aux bitmask (32..39), EE aux bitmask (24..31); bits 0..23 are
/// unused and stay zero.
/// </summary>
/// <remarks>
/// Kept as a raw <see cref="ulong"/> rather than a struct of five bytes because the word is what
/// the 124-byte encoding, the account hash and the full account diff (8 bytes BE) carry verbatim.
/// </remarks>
public static class AccountVersioning
{
    /// <summary>The deployment-status byte of a deployed account (1).</summary>
    public const byte Deployed = 1;

    /// <summary>The only code version the snapshot uses (1, for EVM as for IWasm).</summary>
    public const byte DefaultCodeVersion = 1;

    /// <summary>A deployed EVM account: deployed = 1, ee_version = 1 (EVM), code_version = 1.</summary>
    public const ulong DeployedEvm = 0x0101_0100_0000_0000;

    private const int DeploymentShift = 56;
    private const int EeVersionShift = 48;
    private const int CodeVersionShift = 40;
    private const int SystemAuxShift = 32;
    private const int EeAuxShift = 24;

    /// <summary>The deployment-status byte (bits 56..63).</summary>
    public static byte DeploymentStatus(ulong versioning) => GetByte(versioning, DeploymentShift);

    /// <summary>True when the deployment-status byte is <see cref="Deployed"/>.</summary>
    public static bool IsDeployed(ulong versioning) => DeploymentStatus(versioning) == Deployed;

    /// <summary>The EE type byte (bits 48..55): 0 NoEE, 1 EVM, 2 EraVM, 3 IWasm.</summary>
    public static byte EeVersion(ulong versioning) => GetByte(versioning, EeVersionShift);

    /// <summary>The EE-specific code version (bits 40..47).</summary>
    public static byte CodeVersion(ulong versioning) => GetByte(versioning, CodeVersionShift);

    /// <summary>The system aux bitmask (bits 32..39).</summary>
    public static byte SystemAuxBitmask(ulong versioning) => GetByte(versioning, SystemAuxShift);

    /// <summary>The EE aux bitmask (bits 24..31).</summary>
    public static byte EeAuxBitmask(ulong versioning) => GetByte(versioning, EeAuxShift);

    /// <summary>The word with the deployment-status byte set to <see cref="Deployed"/>, other bits kept.</summary>
    public static ulong WithDeployed(ulong versioning) => SetByte(versioning, DeploymentShift, Deployed);

    public static ulong WithEeVersion(ulong versioning, byte value) => SetByte(versioning, EeVersionShift, value);

    public static ulong WithCodeVersion(ulong versioning, byte value) => SetByte(versioning, CodeVersionShift, value);

    public static ulong WithSystemAuxBitmask(ulong versioning, byte value) => SetByte(versioning, SystemAuxShift, value);

    public static ulong WithEeAuxBitmask(ulong versioning, byte value) => SetByte(versioning, EeAuxShift, value);

    /// <summary>
    /// What <c>deploy_code</c> does to the word: marks it deployed and sets the deploying EE's type
    /// and code version 1, keeping the aux bitmasks and unused bits as they were.
    /// </summary>
    public static ulong MarkDeployed(ulong versioning, byte eeVersion) =>
        WithCodeVersion(WithEeVersion(WithDeployed(versioning), eeVersion), DefaultCodeVersion);

    private static byte GetByte(ulong word, int shift) => (byte)(word >> shift);

    private static ulong SetByte(ulong word, int shift, byte value) => (word & ~(0xFFUL << shift)) | ((ulong)value << shift);
}
