// SPDX-License-Identifier: MIT
namespace ZkOs.System.Ethereum;

public sealed partial class TrieRootBuilder
{
    /// <summary>
    /// One added pair: where its key and value lie in the data buffer, and its insertion number
    /// (which decides between additions of the same key).
    /// </summary>
    private readonly record struct Entry(int KeyStart, int KeyLength, int ValueStart, int ValueLength, int Order);
}
