// SPDX-License-Identifier: MIT
namespace ZkOs.Hosting.Tests;

/// <summary>A fresh folder for configuration files, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("zkos-hosting-tests-").FullName;
    }

    public string Path { get; }

    public string Write(string name, string contents)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, contents);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A plugin loaded from here stays loaded (its context is not collectible), and Windows keeps
            // such files locked: leave the folder to the system's temp cleanup.
        }
    }
}
