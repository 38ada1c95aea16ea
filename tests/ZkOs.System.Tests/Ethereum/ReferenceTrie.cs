// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Tests.Ethereum;

/// <summary>
/// A deliberately plain oracle for the trie root, written straight from the Yellow Paper's
/// definition (appendix D) with node lists and allocation everywhere, sharing no code with the
/// builder: it recomputes common prefixes over all keys and groups by nibble with LINQ.
/// </summary>
internal static class ReferenceTrie
{
    /// <summary>The root of a map (distinct keys, non-empty values).</summary>
    public static Bytes32 Root(IEnumerable<KeyValuePair<byte[], byte[]>> map)
    {
        var items = map.Select(e => (Nibbles: ToNibbles(e.Key), e.Value)).ToList();
        return items.Count == 0 ? Keccak256.Hash([0x80]) : Keccak256.Hash(Node(items, 0));
    }

    private static byte[] Node(List<(byte[] Nibbles, byte[] Value)> items, int depth)
    {
        if (items.Count == 1)
        {
            var only = items[0];
            return Rlp.EncodeList(Rlp.EncodeBytes(HexPrefix(only.Nibbles[depth..], leaf: true)), Rlp.EncodeBytes(only.Value));
        }

        int shared = 0;
        while (items.All(i => i.Nibbles.Length > depth + shared)
            && items.All(i => i.Nibbles[depth + shared] == items[0].Nibbles[depth + shared]))
        {
            shared++;
        }
        if (shared > 0)
        {
            return Rlp.EncodeList(
                Rlp.EncodeBytes(HexPrefix(items[0].Nibbles[depth..(depth + shared)], leaf: false)),
                Reference(Node(items, depth + shared)));
        }

        var slots = new byte[17][];
        for (int nibble = 0; nibble < 16; nibble++)
        {
            var group = items.Where(i => i.Nibbles.Length > depth && i.Nibbles[depth] == nibble).ToList();
            slots[nibble] = group.Count == 0 ? Rlp.EncodeBytes([]) : Reference(Node(group, depth + 1));
        }
        var ending = items.Where(i => i.Nibbles.Length == depth).Select(i => i.Value).SingleOrDefault();
        slots[16] = Rlp.EncodeBytes(ending ?? []);
        return Rlp.EncodeList(slots);
    }

    private static byte[] Reference(byte[] node) => node.Length < 32 ? node : Rlp.EncodeBytes(Keccak256.Hash(node).ToArray());

    private static byte[] HexPrefix(byte[] nibbles, bool leaf)
    {
        var digits = new List<byte> { (byte)((leaf ? 2 : 0) + (nibbles.Length % 2)) };
        if (nibbles.Length % 2 == 0)
            digits.Add(0);
        digits.AddRange(nibbles);
        var bytes = new byte[digits.Count / 2];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)((digits[2 * i] << 4) | digits[(2 * i) + 1]);
        return bytes;
    }

    private static byte[] ToNibbles(byte[] key) => key.SelectMany(b => new[] { (byte)(b >> 4), (byte)(b & 0x0F) }).ToArray();
}
