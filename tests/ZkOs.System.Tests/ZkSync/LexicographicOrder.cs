// SPDX-License-Identifier: MIT
namespace ZkOs.System.Tests.ZkSync;

/// <summary>Byte-wise order of 32-byte arrays, written out rather than borrowed from Bytes32.</summary>
internal sealed class LexicographicOrder : IComparer<byte[]>
{
    public static readonly LexicographicOrder Instance = new();

    public int Compare(byte[]? x, byte[]? y)
    {
        for (int i = 0; i < 32; i++)
        {
            if (x![i] != y![i])
                return x[i] < y[i] ? -1 : 1;
        }
        return 0;
    }
}
