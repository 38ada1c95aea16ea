// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Numerics;
using ZkOs.System.ZkSync.Accounts;

namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>
/// The pubdata diff of an account (reference §7.3), written under the flat key of its 0x8003
/// properties slot in place of a value diff of the properties hash.
/// </summary>
/// <remarks>
/// <para>Variant choice (the fixed, upstream rule): if anything besides the nonce and the balance
/// differs (versioning, either bytecode hash or length, artifacts length) the whole account is
/// published, as <see cref="AccountDiffKind.ForceDeploy"/> when the bytecode is not to be
/// published and <see cref="AccountDiffKind.Full"/> otherwise; else only the changed ones of nonce
/// and balance are, each as a value diff (the nonce widened to 256 bits).</para>
/// <para>The full variants always carry both the nonce and the balance diff, even an unchanged one
/// (a single 0x01 byte, Add with an empty payload). The observable bytecode hash is never
/// published: for EVM it is keccak of the bytecode, which the reader recomputes.</para>
/// </remarks>
public static class AccountDiffCompression
{
    /// <summary>The variant for <paramref name="initial"/> → <paramref name="final"/>.</summary>
    /// <exception cref="ArgumentException">The two are equal: an unchanged account has no diff.</exception>
    public static AccountDiffKind Choose(in AccountProperties initial, in AccountProperties final, bool notPublishBytecode)
    {
        if (NeedsFullDiff(in initial, in final))
            return notPublishBytecode ? AccountDiffKind.ForceDeploy : AccountDiffKind.Full;
        bool nonce = initial.Nonce != final.Nonce;
        bool balance = initial.Balance != final.Balance;
        if (nonce && balance)
            return AccountDiffKind.NonceAndBalance;
        if (nonce)
            return AccountDiffKind.NonceOnly;
        if (balance)
            return AccountDiffKind.BalanceOnly;
        throw new ArgumentException("An unchanged account has no diff; leave it out of the pubdata.", nameof(final));
    }

    /// <summary>
    /// The diff's size in bytes, metadata byte included. For <see cref="AccountDiffKind.Full"/> the
    /// bytecode counts <c>final.BytecodeLength</c> bytes.
    /// </summary>
    /// <exception cref="ArgumentException">The two are equal.</exception>
    public static int Length(in AccountProperties initial, in AccountProperties final, bool notPublishBytecode)
    {
        var kind = Choose(in initial, in final, notPublishBytecode);
        return kind switch
        {
            AccountDiffKind.NonceOnly => 1 + NonceDiffLength(in initial, in final),
            AccountDiffKind.BalanceOnly => 1 + ValueDiffCompression.Length(initial.Balance, final.Balance),
            AccountDiffKind.NonceAndBalance =>
                1 + NonceDiffLength(in initial, in final) + ValueDiffCompression.Length(initial.Balance, final.Balance),
            _ => 1 + 8 + NonceDiffLength(in initial, in final) + ValueDiffCompression.Length(initial.Balance, final.Balance)
                + (kind == AccountDiffKind.ForceDeploy ? 32 : 4 + (int)final.BytecodeLength) + 4 + 4,
        };
    }

    /// <summary>
    /// Writes the diff to the start of <paramref name="destination"/> and returns its length.
    /// </summary>
    /// <param name="bytecode">
    /// The final bytecode (exactly <c>final.BytecodeLength</c> bytes) when the variant is
    /// <see cref="AccountDiffKind.Full"/>; ignored otherwise, so it may be empty then.
    /// </param>
    /// <exception cref="ArgumentException">
    /// The two are equal, the bytecode has the wrong length for a full diff, or the destination is too short.
    /// </exception>
    public static int Write(
        in AccountProperties initial, in AccountProperties final, ReadOnlySpan<byte> bytecode, bool notPublishBytecode, Span<byte> destination)
    {
        var kind = Choose(in initial, in final, notPublishBytecode);
        if (kind == AccountDiffKind.Full && bytecode.Length != final.BytecodeLength)
            throw new ArgumentException(
                $"A full account diff publishes the bytecode: expected {final.BytecodeLength} bytes, got {bytecode.Length}.", nameof(bytecode));
        int length = Length(in initial, in final, notPublishBytecode);
        if (destination.Length < length)
            throw new ArgumentException($"The account diff needs {length} bytes; the destination has {destination.Length}.", nameof(destination));

        destination[0] = (byte)kind;
        int at = 1;
        switch (kind)
        {
            case AccountDiffKind.NonceOnly:
                at += WriteNonceDiff(in initial, in final, destination[at..]);
                break;
            case AccountDiffKind.BalanceOnly:
                at += ValueDiffCompression.Write(initial.Balance, final.Balance, destination[at..]);
                break;
            case AccountDiffKind.NonceAndBalance:
                at += WriteNonceDiff(in initial, in final, destination[at..]);
                at += ValueDiffCompression.Write(initial.Balance, final.Balance, destination[at..]);
                break;
            default:
                BinaryPrimitives.WriteUInt64BigEndian(destination[at..], final.Versioning);
                at += 8;
                at += WriteNonceDiff(in initial, in final, destination[at..]);
                at += ValueDiffCompression.Write(initial.Balance, final.Balance, destination[at..]);
                if (kind == AccountDiffKind.ForceDeploy)
                {
                    final.BytecodeHash.WriteTo(destination[at..]);
                    at += 32;
                }
                else
                {
                    BinaryPrimitives.WriteUInt32BigEndian(destination[at..], final.BytecodeLength);
                    at += 4;
                    bytecode.CopyTo(destination[at..]);
                    at += bytecode.Length;
                }
                BinaryPrimitives.WriteUInt32BigEndian(destination[at..], final.ArtifactsLength);
                at += 4;
                BinaryPrimitives.WriteUInt32BigEndian(destination[at..], final.ObservableBytecodeLength);
                at += 4;
                break;
        }
        return at;
    }

    /// <summary>The diff as a new array.</summary>
    public static byte[] Encode(in AccountProperties initial, in AccountProperties final, ReadOnlySpan<byte> bytecode, bool notPublishBytecode)
    {
        var result = new byte[Length(in initial, in final, notPublishBytecode)];
        Write(in initial, in final, bytecode, notPublishBytecode, result);
        return result;
    }

    /// <summary>
    /// Whether a field other than nonce and balance differs. The observable hash is compared too
    /// (a change there without a bytecode change cannot happen for EVM, but upstream checks it).
    /// </summary>
    private static bool NeedsFullDiff(in AccountProperties initial, in AccountProperties final) =>
        initial.Versioning != final.Versioning
        || initial.BytecodeHash != final.BytecodeHash
        || initial.BytecodeLength != final.BytecodeLength
        || initial.ArtifactsLength != final.ArtifactsLength
        || initial.ObservableBytecodeLength != final.ObservableBytecodeLength
        || initial.ObservableBytecodeHash != final.ObservableBytecodeHash;

    private static int NonceDiffLength(in AccountProperties initial, in AccountProperties final) =>
        ValueDiffCompression.Length(new UInt256(initial.Nonce), new UInt256(final.Nonce));

    private static int WriteNonceDiff(in AccountProperties initial, in AccountProperties final, Span<byte> destination) =>
        ValueDiffCompression.Write(new UInt256(initial.Nonce), new UInt256(final.Nonce), destination);
}
