// SPDX-License-Identifier: MIT
using System.Text;

namespace ZkOs.Hosting;

/// <summary>
/// The host's configuration (<c>zkos.json</c>): which EEs to load under which type bytes, the running
/// mode, the transaction policy, the storage and the chain. Read strictly: anything the schema does not
/// know is an error with its line and column, never silently ignored. The schema is in README.md.
/// </summary>
public sealed record ZkOsConfiguration
{
    /// <summary>The name of the embedded default configuration in messages.</summary>
    public const string DefaultSourceName = "embedded:zkos.json";

    private const string DefaultResourceName = "ZkOs.Hosting.zkos.json";

    private static readonly Lazy<ZkOsConfiguration> _default = new(LoadDefault);

    /// <summary>The EEs used when a configuration names none: the two built-in VMs.</summary>
    public static IReadOnlyList<ExecutionEnvironmentEntry> DefaultExecutionEnvironments { get; } =
    [
        ExecutionEnvironmentEntry.ForBuiltIn(1, BuiltInEnvironments.Evm),
        ExecutionEnvironmentEntry.ForBuiltIn(2, BuiltInEnvironments.EraVm),
    ];

    /// <summary>The embedded default <c>zkos.json</c>, read once.</summary>
    public static ZkOsConfiguration Default => _default.Value;

    public IReadOnlyList<ExecutionEnvironmentEntry> ExecutionEnvironments { get; init; } = DefaultExecutionEnvironments;

    public RunMode Mode { get; init; } = RunMode.Forward;

    public PolicyKind Policy { get; init; } = PolicyKind.ZkSync;

    public StorageConfiguration Storage { get; init; } = StorageConfiguration.InMemory;

    public ChainConfiguration Chain { get; init; } = new();

    /// <summary>Where the configuration was read from (a file path, a name given to <see cref="Parse"/>), or null.</summary>
    public string? SourceName { get; init; }

    /// <summary>Reads a configuration file; relative paths in it resolve against its folder.</summary>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or invalid.</exception>
    public static ZkOsConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigurationException(fullPath, null, null, "the configuration file does not exist.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(fullPath, null, null, $"the configuration file cannot be read: {e.Message}", e);
        }

        return Read(bytes, fullPath, Path.GetDirectoryName(fullPath)!);
    }

    /// <summary>
    /// Reads a configuration from text. <paramref name="sourceName"/> names it in messages; relative
    /// paths resolve against <paramref name="baseDirectory"/>, by default the folder of
    /// <paramref name="sourceName"/> when that is an absolute path, else the current directory.
    /// </summary>
    /// <exception cref="ConfigurationException">The text is not a valid configuration.</exception>
    public static ZkOsConfiguration Parse(string json, string sourceName, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        baseDirectory ??= Path.IsPathFullyQualified(sourceName)
            ? Path.GetDirectoryName(sourceName) ?? Directory.GetCurrentDirectory()
            : Directory.GetCurrentDirectory();
        return Read(Encoding.UTF8.GetBytes(json), sourceName, Path.GetFullPath(baseDirectory));
    }

    /// <summary>Reads the default configuration embedded in this assembly (a fresh copy each call).</summary>
    public static ZkOsConfiguration LoadDefault()
    {
        using var stream = typeof(ZkOsConfiguration).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResourceName} is missing from ZkOs.Hosting.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Read(buffer.ToArray(), DefaultSourceName, AppContext.BaseDirectory);
    }

    private static ZkOsConfiguration Read(byte[] utf8, string sourceName, string baseDirectory)
    {
        ReadOnlySpan<byte> json = utf8;
        // Utf8JsonReader rejects a byte order mark, which editors on Windows like to write.
        if (json.StartsWith(Encoding.UTF8.Preamble))
            json = json[Encoding.UTF8.Preamble.Length..];
        var reader = new ConfigurationReader(json, sourceName, baseDirectory);
        return reader.ReadConfiguration();
    }
}
