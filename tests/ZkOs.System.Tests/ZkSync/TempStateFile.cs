// SPDX-License-Identifier: MIT
namespace ZkOs.System.Tests.ZkSync;

/// <summary>A fresh temporary database path; deletes the file and SQLite's side files on dispose.</summary>
internal sealed class TempStateFile : IDisposable
{
    public TempStateFile() =>
        Path = global::System.IO.Path.Combine(global::System.IO.Path.GetTempPath(), $"zkos-state-{Guid.NewGuid():N}.db");

    public string Path { get; }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(Path + suffix);
    }
}
