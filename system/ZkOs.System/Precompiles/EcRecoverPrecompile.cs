// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Precompiles;

/// <summary>
/// ecrecover at 0x01. The input, zero-padded or truncated to 128 bytes, is hash ‖ v ‖ r ‖ s (32-byte
/// words). v must be the word 27 or 28, r and s in [1, n-1] (no low-s rule here, unlike transaction
/// signatures). The output is the signer's address left-padded to 32 bytes, or nothing at all when the
/// signature is invalid: that is a success with empty output, not a failure.
/// </summary>
public sealed class EcRecoverPrecompile : IPrecompile
{
    public const ulong Gas = 3_000;

    /// <summary>reference/zksync-os.md §4.8 (the ECDSA recovery price of §3.4 as well).</summary>
    public const ulong NativeCost = 522_000;

    /// <summary>Selects the backend of <see cref="Default"/>: <c>managed</c>, <c>native</c> or <c>auto</c> (unset).</summary>
    public const string BackendVariable = "ZKOS_SECP256K1";

    private const int InputSize = 128;
    private const int OutputSize = 32;

    private static readonly Lazy<EcRecoverPrecompile> _default =
        new(() => new EcRecoverPrecompile(ResolveBackend(Environment.GetEnvironmentVariable(BackendVariable))));

    /// <exception cref="InvalidOperationException">The native backend was asked for but libsecp256k1 is not available.</exception>
    public EcRecoverPrecompile(Secp256k1Backend backend)
    {
        if (backend == Secp256k1Backend.Native && !NativeSecp256k1.IsAvailable)
            throw new InvalidOperationException($"The native secp256k1 backend is not available: {NativeSecp256k1.LoadError}");
        Backend = backend;
    }

    /// <summary>The instance on the backend chosen by <see cref="BackendVariable"/>, resolved on first use.</summary>
    public static EcRecoverPrecompile Default => _default.Value;

    public Secp256k1Backend Backend { get; }

    public ushort Address => 0x01;

    public string Name => "ecrecover";

    /// <summary>
    /// The backend a <see cref="BackendVariable"/> value asks for: <c>managed</c>; <c>native</c> (which must
    /// then be loadable); <c>auto</c>, empty or unset for native when libsecp256k1 loads and managed otherwise.
    /// An explicit <c>native</c> that cannot be honoured throws rather than silently measuring the other path.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown value.</exception>
    /// <exception cref="InvalidOperationException"><c>native</c> while libsecp256k1 cannot be loaded.</exception>
    public static Secp256k1Backend ResolveBackend(string? setting)
    {
        var value = setting?.Trim() ?? "";
        if (value.Length == 0 || value.Equals("auto", StringComparison.OrdinalIgnoreCase))
            return NativeSecp256k1.IsAvailable ? Secp256k1Backend.Native : Secp256k1Backend.Managed;
        if (value.Equals("managed", StringComparison.OrdinalIgnoreCase))
            return Secp256k1Backend.Managed;
        if (value.Equals("native", StringComparison.OrdinalIgnoreCase))
        {
            if (!NativeSecp256k1.IsAvailable)
                throw new InvalidOperationException($"{BackendVariable}=native, but {NativeSecp256k1.LoadError}");
            return Secp256k1Backend.Native;
        }
        throw new ArgumentException($"{BackendVariable} must be managed, native or auto, not '{setting}'", nameof(setting));
    }

    public PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output)
    {
        var status = PrecompileCharging.Charge(ref resources, Gas, NativeCost);
        if (status != PrecompileStatus.Success)
            return status;

        Span<byte> padded = stackalloc byte[InputSize];
        padded.Clear();
        input[..Math.Min(input.Length, InputSize)].CopyTo(padded);

        // v is a whole word: 27 or 28 with 31 zero bytes in front, nothing else.
        var v = padded.Slice(32, 32);
        if (v[..31].IndexOfAnyExcept((byte)0) >= 0 || (v[31] != 27 && v[31] != 28))
            return PrecompileStatus.Success;

        if (!TryRecover(padded[..32], padded.Slice(64, 32), padded.Slice(96, 32), v[31] - 27, out var address))
            return PrecompileStatus.Success;

        var word = output.GetSpan(OutputSize)[..OutputSize];
        word[..12].Clear();
        address.WriteTo(word[12..]);
        output.Advance(OutputSize);
        return PrecompileStatus.Success;
    }

    private bool TryRecover(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, int recoveryId, out Address address) =>
        Backend == Secp256k1Backend.Native
            ? NativeSecp256k1.TryRecoverAddress(hash, r, s, recoveryId, out address)
            : Secp256k1.TryRecoverAddress(hash, r, s, recoveryId, out address);
}
