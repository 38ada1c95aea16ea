// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Accounts;

/// <summary>
/// An account of the flat-tree storage model (reference §4.3). Accounts are not tree leaves: the
/// slot <c>(0x8003, 0^12 ‖ address)</c> holds <see cref="Hash"/> of the 124-byte big-endian
/// <see cref="Encode(Span{byte})">encoding</see>, and the preimage travels through the oracle.
/// </summary>
/// <param name="Versioning">The packed versioning word; see <see cref="AccountVersioning"/>.</param>
/// <param name="Nonce">The nonce; a u64, so bumping past <see cref="ulong.MaxValue"/> is an error upstream.</param>
/// <param name="Balance">The base-token balance.</param>
/// <param name="BytecodeHash">blake2s of the stored bytecode.</param>
/// <param name="BytecodeLength">Length of the stored bytecode.</param>
/// <param name="ArtifactsLength">Length of EE artifacts stored after the bytecode (0 for EVM in the snapshot).</param>
/// <param name="ObservableBytecodeHash">What EXTCODEHASH sees: keccak of the code for EVM.</param>
/// <param name="ObservableBytecodeLength">What EXTCODESIZE sees.</param>
public readonly record struct AccountProperties(
    ulong Versioning,
    ulong Nonce,
    UInt256 Balance,
    Bytes32 BytecodeHash,
    uint BytecodeLength,
    uint ArtifactsLength,
    Bytes32 ObservableBytecodeHash,
    uint ObservableBytecodeLength)
{
    /// <summary>Size of the encoding: 8 + 8 + 32 + 32 + 4 + 4 + 32 + 4.</summary>
    public const int EncodedSize = 124;

    /// <summary>
    /// The all-zero account (upstream <c>TRIVIAL_VALUE</c>): what a zero properties hash in the
    /// 0x8003 slot stands for.
    /// </summary>
    public static AccountProperties Trivial => default;

    /// <summary>True for <see cref="Trivial"/>: every field zero.</summary>
    public bool IsEmpty => this == default;

    /// <summary>The deployment-status byte says deployed.</summary>
    public bool IsDeployed => AccountVersioning.IsDeployed(Versioning);

    /// <summary>Has code or artifacts (§4.3 <c>is_contract</c>).</summary>
    public bool IsContract => BytecodeLength > 0 || ArtifactsLength > 0;

    /// <summary>
    /// A deployment may target this account (§4.3 <c>can_deploy_into</c>): no code, no artifacts
    /// and nonce 0. Existing storage is deliberately not checked, as upstream.
    /// </summary>
    public bool CanDeployInto => BytecodeLength == 0 && ArtifactsLength == 0 && Nonce == 0;

    /// <summary>Writes the 124-byte big-endian encoding to the start of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 124 bytes.</exception>
    public void Encode(Span<byte> destination)
    {
        if (destination.Length < EncodedSize)
            ThrowDestinationTooSmall(destination.Length);
        BinaryPrimitives.WriteUInt64BigEndian(destination, Versioning);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Nonce);
        Balance.WriteBigEndian(destination[16..]);
        BytecodeHash.WriteTo(destination[48..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination[80..], BytecodeLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination[84..], ArtifactsLength);
        ObservableBytecodeHash.WriteTo(destination[88..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination[120..], ObservableBytecodeLength);
    }

    /// <summary>The 124-byte encoding as a new array (the preimage published for the account hash).</summary>
    public byte[] Encode()
    {
        var result = new byte[EncodedSize];
        Encode(result);
        return result;
    }

    /// <summary>Reads exactly 124 bytes written by <see cref="Encode(Span{byte})"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not 124 bytes long.</exception>
    public static AccountProperties Decode(ReadOnlySpan<byte> source)
    {
        if (source.Length != EncodedSize)
            ThrowWrongLength(source.Length);
        return new AccountProperties(
            BinaryPrimitives.ReadUInt64BigEndian(source),
            BinaryPrimitives.ReadUInt64BigEndian(source[8..]),
            UInt256.ReadBigEndian(source[16..48]),
            new Bytes32(source[48..80]),
            BinaryPrimitives.ReadUInt32BigEndian(source[80..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[84..]),
            new Bytes32(source[88..120]),
            BinaryPrimitives.ReadUInt32BigEndian(source[120..]));
    }

    /// <summary>
    /// blake2s-256 of the 124-byte encoding: the value the 0x8003 slot holds for this account.
    /// </summary>
    /// <remarks>
    /// This is the hash of the encoding even for <see cref="Trivial"/> (which is not zero); whether a
    /// trivial account is stored as this hash or as a zero slot is the storage model's decision.
    /// </remarks>
    public Bytes32 Hash()
    {
        Span<byte> encoding = stackalloc byte[EncodedSize];
        Encode(encoding);
        return Blake2s256.Hash(encoding);
    }

    [DoesNotReturn]
    private static void ThrowDestinationTooSmall(int length) =>
        throw new ArgumentException($"AccountProperties needs {EncodedSize} bytes; the destination has {length}.", "destination");

    [DoesNotReturn]
    private static void ThrowWrongLength(int length) =>
        throw new ArgumentException($"An AccountProperties encoding is exactly {EncodedSize} bytes; the source has {length}.", "source");
}
