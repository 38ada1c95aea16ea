// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Precompiles;

/// <summary>
/// ECDSA public-key recovery through the system's libsecp256k1 (Debian's <c>libsecp256k1-1</c>, built with
/// the recovery module), loaded at run time so that the project builds and runs without it. Same contract as
/// <see cref="Secp256k1.TryRecoverPublicKey"/>: r and s in [1, n-1], high s accepted, recovery id 0..3.
/// </summary>
/// <remarks>
/// The library is bound through function pointers from <see cref="NativeLibrary.GetExport"/> rather than
/// <c>DllImport</c>, so a missing library or symbol is an ordinary <see cref="IsAvailable"/> = false instead of
/// an exception at the first call. One context is created for the process and never destroyed; libsecp256k1
/// allows concurrent use of a context by recovery calls, which only read it.
/// </remarks>
public static unsafe class NativeSecp256k1
{
    /// <summary>The names tried in order: the Debian soname first.</summary>
    private static readonly string[] _libraryNames = ["libsecp256k1.so.1", "libsecp256k1.so", "secp256k1"];

    // include/secp256k1.h: SECP256K1_CONTEXT_VERIFY = (1 << 0) | (1 << 8). Deprecated in 0.2 (every context
    // can verify) but still accepted, and required by older library versions.
    private const uint ContextVerify = 0x0101;

    // SECP256K1_EC_UNCOMPRESSED = (1 << 1): 0x04 ‖ X ‖ Y.
    private const uint EcUncompressed = 0x0002;

    // The opaque structs' sizes in the public header: recoverable signature 65 bytes, public key 64 bytes.
    private const int RecoverableSignatureSize = 65;
    private const int OpaquePublicKeySize = 64;
    private const int SerializedPublicKeySize = 65;

    private static readonly nint _context;
    private static readonly delegate* unmanaged<nint, byte*, byte*, int, int> _parseCompact;
    private static readonly delegate* unmanaged<nint, byte*, byte*, byte*, int> _recover;
    private static readonly delegate* unmanaged<nint, byte*, nuint*, byte*, uint, int> _serialize;

    static NativeSecp256k1()
    {
        nint library = 0;
        foreach (var name in _libraryNames)
        {
            if (NativeLibrary.TryLoad(name, out library))
                break;
        }
        if (library == 0)
        {
            LoadError = $"none of {string.Join(", ", _libraryNames)} could be loaded (install libsecp256k1-1)";
            return;
        }
        if (!NativeLibrary.TryGetExport(library, "secp256k1_context_create", out var create)
            || !NativeLibrary.TryGetExport(library, "secp256k1_ecdsa_recoverable_signature_parse_compact", out var parse)
            || !NativeLibrary.TryGetExport(library, "secp256k1_ecdsa_recover", out var recover)
            || !NativeLibrary.TryGetExport(library, "secp256k1_ec_pubkey_serialize", out var serialize))
        {
            LoadError = "libsecp256k1 was loaded but lacks the recovery module's exports";
            return;
        }
        var context = ((delegate* unmanaged<uint, nint>)create)(ContextVerify);
        if (context == 0)
        {
            LoadError = "secp256k1_context_create returned null";
            return;
        }
        _parseCompact = (delegate* unmanaged<nint, byte*, byte*, int, int>)parse;
        _recover = (delegate* unmanaged<nint, byte*, byte*, byte*, int>)recover;
        _serialize = (delegate* unmanaged<nint, byte*, nuint*, byte*, uint, int>)serialize;
        _context = context;
    }

    /// <summary>Whether the library and its recovery functions were found.</summary>
    public static bool IsAvailable => _context != 0;

    /// <summary>Why the library is not available; null when it is.</summary>
    public static string? LoadError { get; }

    /// <inheritdoc cref="Secp256k1.TryRecoverPublicKey"/>
    /// <exception cref="InvalidOperationException">The library is not available.</exception>
    public static bool TryRecoverPublicKey(
        ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, int recoveryId, Span<byte> publicKey)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(messageHash.Length, 32, nameof(messageHash));
        ArgumentOutOfRangeException.ThrowIfNotEqual(r.Length, 32, nameof(r));
        ArgumentOutOfRangeException.ThrowIfNotEqual(s.Length, 32, nameof(s));
        ArgumentOutOfRangeException.ThrowIfLessThan(publicKey.Length, Secp256k1.PublicKeySize, nameof(publicKey));
        if (!IsAvailable)
            throw new InvalidOperationException($"libsecp256k1 is not available: {LoadError}");

        // An out-of-range recovery id is an argument-check failure in the library, whose default handler
        // aborts the process: it must never get there.
        if ((uint)recoveryId > 3)
            return false;

        Span<byte> compact = stackalloc byte[64];
        r.CopyTo(compact);
        s.CopyTo(compact[32..]);
        byte* signature = stackalloc byte[RecoverableSignatureSize];
        byte* key = stackalloc byte[OpaquePublicKeySize];
        byte* serialized = stackalloc byte[SerializedPublicKeySize];
        nuint serializedLength = SerializedPublicKeySize;
        fixed (byte* compactPtr = compact)
        fixed (byte* hashPtr = messageHash)
        {
            // parse_compact rejects r or s >= n; recover rejects r or s = 0 and an r + n that is not below p.
            if (_parseCompact(_context, signature, compactPtr, recoveryId) != 1)
                return false;
            if (_recover(_context, key, signature, hashPtr) != 1)
                return false;
        }
        if (_serialize(_context, serialized, &serializedLength, key, EcUncompressed) != 1
            || serializedLength != SerializedPublicKeySize)
        {
            return false;
        }
        new ReadOnlySpan<byte>(serialized + 1, Secp256k1.PublicKeySize).CopyTo(publicKey);
        return true;
    }

    /// <inheritdoc cref="Secp256k1.TryRecoverAddress"/>
    /// <exception cref="InvalidOperationException">The library is not available.</exception>
    public static bool TryRecoverAddress(
        ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, int recoveryId, out Address address)
    {
        Span<byte> key = stackalloc byte[Secp256k1.PublicKeySize];
        if (!TryRecoverPublicKey(messageHash, r, s, recoveryId, key))
        {
            address = default;
            return false;
        }
        address = Secp256k1.AddressOfPublicKey(key);
        return true;
    }
}
