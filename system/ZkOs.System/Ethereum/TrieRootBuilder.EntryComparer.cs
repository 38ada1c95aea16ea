// SPDX-License-Identifier: MIT
namespace ZkOs.System.Ethereum;

public sealed partial class TrieRootBuilder
{
    /// <summary>
    /// Byte-wise key order (a key sorts before the keys it is a prefix of), then insertion order, so
    /// that the last addition of a key sorts last. A struct, so that sorting neither boxes nor allocates.
    /// </summary>
    private readonly struct EntryComparer(byte[] data) : IComparer<Entry>
    {
        public int Compare(Entry x, Entry y)
        {
            int byKey = data.AsSpan(x.KeyStart, x.KeyLength).SequenceCompareTo(data.AsSpan(y.KeyStart, y.KeyLength));
            return byKey != 0 ? byKey : x.Order.CompareTo(y.Order);
        }
    }
}
