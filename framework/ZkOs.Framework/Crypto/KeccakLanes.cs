// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Crypto;

/// <summary>The 25 lanes of a Keccak-f[1600] state, lane (x, y) at index x + 5y.</summary>
/// <remarks>An inline array so hasher structs carry their state without a heap buffer.</remarks>
[InlineArray(25)]
internal struct KeccakLanes
{
    private ulong _element0;
}
