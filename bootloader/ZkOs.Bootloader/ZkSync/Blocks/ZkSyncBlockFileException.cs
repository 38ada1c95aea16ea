// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.ZkSync.Blocks;

/// <summary>A block file that cannot be read: the message names the file, the JSON path and the problem.</summary>
public sealed class ZkSyncBlockFileException(string source, string path, string problem, Exception? inner = null)
    : Exception($"{source}: {path}: {problem}", inner)
{
    public string File { get; } = source;

    public string JsonPath { get; } = path;
}
