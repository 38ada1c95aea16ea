// SPDX-License-Identifier: MIT
namespace ZkOs.Hosting;

/// <summary>The <c>"storage"</c> section of zkos.json.</summary>
public sealed record StorageConfiguration
{
    public static StorageConfiguration InMemory { get; } = new();

    public StorageKind Kind { get; init; } = StorageKind.Memory;

    /// <summary>
    /// The database file for <see cref="StorageKind.Sqlite"/> (absolute once read from a file: relative
    /// paths resolve against the configuration file's folder); null for <see cref="StorageKind.Memory"/>.
    /// </summary>
    public string? Path { get; init; }
}
