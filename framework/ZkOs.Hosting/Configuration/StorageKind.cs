// SPDX-License-Identifier: MIT
namespace ZkOs.Hosting;

/// <summary>Where the state lives between blocks (<c>"storage.kind"</c> in zkos.json).</summary>
public enum StorageKind
{
    /// <summary>In memory: gone when the process ends.</summary>
    Memory,

    /// <summary>An SQLite file named by <see cref="StorageConfiguration.Path"/>.</summary>
    Sqlite,
}
