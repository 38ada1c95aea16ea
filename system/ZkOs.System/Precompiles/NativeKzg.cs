// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Runtime.InteropServices;

namespace ZkOs.System.Precompiles;

/// <summary>
/// KZG proof verification through a native c-kzg-4844 library (with blst), for machines that have one: an
/// optional accelerator of <see cref="PointEvaluationPrecompile"/>, never required. The managed verifier is the
/// default; this one is used only when a caller loads it explicitly (<see cref="Load"/>) from a shared library
/// built from c-kzg-4844 (for instance the sources the npm package c-kzg@4.1.0 ships, compiled with gcc) and a
/// trusted-setup file in its text format. Tests check that both give the same answers.
/// </summary>
/// <remarks>
/// Bound through function pointers from <see cref="NativeLibrary"/>, like <see cref="NativeSecp256k1"/>, so a
/// missing library is an exception at <see cref="Load"/> and nothing else. The settings are read-only after
/// loading; c-kzg allows concurrent verification with them.
/// </remarks>
public sealed unsafe class NativeKzg : IDisposable
{
    /// <summary>
    /// Room for c-kzg's KZGSettings (setup/settings.h: six pointers, two pointer arrays and two sizes, 80 bytes
    /// in c-kzg 2.x), with a wide margin so that a library version with a larger struct cannot overrun it.
    /// </summary>
    private const int SettingsSize = 4096;

    // c-kzg's C_KZG_RET: C_KZG_OK = 0, C_KZG_BADARGS = 1 (an input that does not decode), others are errors.
    private const int KzgOk = 0;
    private const int KzgBadArgs = 1;

    private readonly nint _library;
    private readonly delegate* unmanaged<byte*, byte*, byte*, byte*, byte*, void*, int> _verify;
    private readonly delegate* unmanaged<void*, void> _free;
    private void* _settings;

    private NativeKzg(nint library, void* settings, nint verify, nint free)
    {
        _library = library;
        _settings = settings;
        _verify = (delegate* unmanaged<byte*, byte*, byte*, byte*, byte*, void*, int>)verify;
        _free = (delegate* unmanaged<void*, void>)free;
    }

    /// <summary>The library's path, for reports.</summary>
    public string? LibraryPath { get; private init; }

    /// <summary>
    /// Loads the library and the trusted setup (the text format of c-kzg-4844's trusted_setup.txt: the counts of
    /// G1 and G2 points, the G1 points in Lagrange form, the G2 points, then the G1 points in monomial form).
    /// </summary>
    /// <exception cref="InvalidOperationException">The library, one of its functions, or the setup cannot be loaded.</exception>
    public static NativeKzg Load(string libraryPath, string trustedSetupPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(libraryPath);
        ArgumentException.ThrowIfNullOrEmpty(trustedSetupPath);
        if (!NativeLibrary.TryLoad(libraryPath, out var library))
            throw new InvalidOperationException($"{libraryPath} could not be loaded");
        if (!NativeLibrary.TryGetExport(library, "load_trusted_setup", out var loadSetup)
            || !NativeLibrary.TryGetExport(library, "verify_kzg_proof", out var verify)
            || !NativeLibrary.TryGetExport(library, "free_trusted_setup", out var free))
        {
            NativeLibrary.Free(library);
            throw new InvalidOperationException($"{libraryPath} lacks c-kzg-4844's load_trusted_setup, verify_kzg_proof or free_trusted_setup");
        }

        var (g1Lagrange, g2Monomial, g1Monomial) = ReadTrustedSetup(trustedSetupPath);
        var settings = NativeMemory.AllocZeroed(SettingsSize);
        int status;
        fixed (byte* g1m = g1Monomial)
        fixed (byte* g1l = g1Lagrange)
        fixed (byte* g2m = g2Monomial)
        {
            // load_trusted_setup(out, g1_monomial, n, g1_lagrange, n, g2_monomial, n, precompute = 0)
            status = ((delegate* unmanaged<void*, byte*, ulong, byte*, ulong, byte*, ulong, ulong, int>)loadSetup)(
                settings, g1m, (ulong)g1Monomial.Length, g1l, (ulong)g1Lagrange.Length, g2m, (ulong)g2Monomial.Length, 0);
        }

        if (status != KzgOk)
        {
            NativeMemory.Free(settings);
            NativeLibrary.Free(library);
            throw new InvalidOperationException($"load_trusted_setup failed with C_KZG_RET {status} for {trustedSetupPath}");
        }

        return new NativeKzg(library, settings, verify, free) { LibraryPath = libraryPath };
    }

    /// <summary>
    /// verify_kzg_proof: true or false for well-formed input, null when an input does not decode (c-kzg's
    /// C_KZG_BADARGS: a field element not below r, a point that is not a compressed G1 point of the subgroup).
    /// </summary>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    /// <exception cref="InvalidOperationException">The library reported an internal error.</exception>
    public bool? VerifyProof(ReadOnlySpan<byte> commitment, ReadOnlySpan<byte> z, ReadOnlySpan<byte> y, ReadOnlySpan<byte> proof)
    {
        ObjectDisposedException.ThrowIf(_settings == null, this);
        if (commitment.Length != 48 || z.Length != 32 || y.Length != 32 || proof.Length != 48)
            return null;
        byte ok = 0;
        int status;
        fixed (byte* c = commitment)
        fixed (byte* zp = z)
        fixed (byte* yp = y)
        fixed (byte* p = proof)
        {
            status = _verify(&ok, c, zp, yp, p, _settings);
        }

        return status switch
        {
            KzgOk => ok != 0,
            KzgBadArgs => null,
            _ => throw new InvalidOperationException($"verify_kzg_proof failed with C_KZG_RET {status}"),
        };
    }

    public void Dispose()
    {
        if (_settings == null)
            return;
        _free(_settings);
        NativeMemory.Free(_settings);
        _settings = null;
        NativeLibrary.Free(_library);
    }

    private static (byte[] G1Lagrange, byte[] G2Monomial, byte[] G1Monomial) ReadTrustedSetup(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"the trusted setup {path} cannot be read: {e.Message}", e);
        }

        try
        {
            int g1Count = int.Parse(lines[0], CultureInfo.InvariantCulture);
            int g2Count = int.Parse(lines[1], CultureInfo.InvariantCulture);
            var g1Lagrange = Concat(lines.AsSpan(2, g1Count));
            var g2Monomial = Concat(lines.AsSpan(2 + g1Count, g2Count));
            var g1Monomial = Concat(lines.AsSpan(2 + g1Count + g2Count, g1Count));
            return (g1Lagrange, g2Monomial, g1Monomial);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new InvalidOperationException($"{path} is not a trusted setup in c-kzg-4844's text format", e);
        }
    }

    private static byte[] Concat(ReadOnlySpan<string> hexLines)
    {
        var bytes = new List<byte>();
        foreach (var line in hexLines)
            bytes.AddRange(Convert.FromHexString(line.Trim()));
        return [.. bytes];
    }
}
