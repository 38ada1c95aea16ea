// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Tests.ZkSync;

/// <summary>Small builders shared by the state tree and store tests.</summary>
internal static class TreeTestData
{
    public static Bytes32 Word(ulong value) => Bytes32.FromUInt256(new UInt256(value, 0, 0, 0));

    public static Bytes32 Filled(byte value) => new(Enumerable.Repeat(value, 32).ToArray());

    /// <summary>A key whose first byte is <paramref name="first"/> and the rest <paramref name="rest"/>.</summary>
    public static Bytes32 Key(byte first, byte rest = 0)
    {
        var bytes = Enumerable.Repeat(rest, 32).ToArray();
        bytes[0] = first;
        return new Bytes32(bytes);
    }

    /// <summary>Deterministic pseudo-random 32-byte keys (not FsCheck: for the larger fixed scenarios).</summary>
    public static Bytes32[] RandomKeys(int count, int seed)
    {
        var random = new Random(seed);
        var keys = new Bytes32[count];
        var bytes = new byte[32];
        for (int i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            keys[i] = new Bytes32(bytes);
        }
        return keys;
    }
}
