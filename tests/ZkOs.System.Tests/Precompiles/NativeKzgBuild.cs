// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOs.System.Precompiles;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>
/// Finds or builds a native c-kzg-4844 library for the differential tests, only when its sources are on the
/// machine: <c>ZKOS_CKZG_LIBRARY</c> and <c>ZKOS_KZG_TRUSTED_SETUP</c> name a ready library and setup; otherwise
/// the extracted npm package c-kzg@4.1.0 (<c>ZKOS_CKZG_PACKAGE</c>, default <c>/tmp/package</c>, what
/// <c>cd /tmp &amp;&amp; npm pack c-kzg@4.1.0 &amp;&amp; tar xzf c-kzg-4.1.0.tgz</c> leaves) is compiled with gcc into
/// /tmp once (a few seconds). Nothing is downloaded and nothing is required: without sources the tests that
/// need the library report why and pass on the managed path alone.
/// </summary>
internal static class NativeKzgBuild
{
    private const string BuildDirectory = "/tmp/zkos-ckzg";

    private static readonly Lazy<(NativeKzg? Kzg, string Reason)> _loaded = new(Load);

    /// <summary>The loaded library, or null with the reason it is not available.</summary>
    public static NativeKzg? TryGet(out string reason)
    {
        var (kzg, why) = _loaded.Value;
        reason = why;
        return kzg;
    }

    private static (NativeKzg?, string) Load()
    {
        try
        {
            var library = Environment.GetEnvironmentVariable("ZKOS_CKZG_LIBRARY");
            var setup = Environment.GetEnvironmentVariable("ZKOS_KZG_TRUSTED_SETUP");
            if (!string.IsNullOrEmpty(library) && !string.IsNullOrEmpty(setup))
                return (NativeKzg.Load(library, setup), $"loaded {library}");

            var package = Environment.GetEnvironmentVariable("ZKOS_CKZG_PACKAGE") is { Length: > 0 } p ? p : "/tmp/package";
            var kzgSources = Path.Combine(package, "deps", "c-kzg");
            var blst = Path.Combine(package, "deps", "blst");
            setup = Path.Combine(kzgSources, "trusted_setup.txt");
            string[] sources = [Path.Combine(kzgSources, "ckzg.c"), Path.Combine(blst, "src", "server.c"), Path.Combine(blst, "build", "assembly.S")];
            if (!sources.All(File.Exists) || !File.Exists(setup))
                return (null, $"no c-kzg-4844 sources under {package} (set ZKOS_CKZG_PACKAGE to the extracted npm package c-kzg@4.1.0)");

            Directory.CreateDirectory(BuildDirectory);
            library = Path.Combine(BuildDirectory, "libckzg.so");
            if (!File.Exists(library))
            {
                var temporary = library + "." + Environment.ProcessId + ".tmp";
                var gcc = new ProcessStartInfo("gcc")
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                };
                foreach (var argument in new[] { "-O2", "-fPIC", "-shared", "-D__BLST_PORTABLE__", "-I", Path.Combine(blst, "bindings"), "-I", kzgSources })
                    gcc.ArgumentList.Add(argument);
                foreach (var source in sources)
                    gcc.ArgumentList.Add(source);
                gcc.ArgumentList.Add("-o");
                gcc.ArgumentList.Add(temporary);
                using var process = Process.Start(gcc) ?? throw new InvalidOperationException("gcc did not start");
                var errors = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(TimeSpan.FromMinutes(3)) || process.ExitCode != 0)
                    return (null, $"gcc could not build c-kzg-4844: {errors.Result}");
                File.Move(temporary, library, overwrite: true);
            }

            return (NativeKzg.Load(library, setup), $"loaded {library}, built from {package}");
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or global::System.ComponentModel.Win32Exception or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }
}
