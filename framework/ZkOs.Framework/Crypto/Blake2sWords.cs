// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Crypto;

/// <summary>The eight 32-bit chaining words of a BLAKE2s state.</summary>
/// <remarks>An inline array so hasher structs carry their state without a heap buffer.</remarks>
[InlineArray(8)]
internal struct Blake2sWords
{
    private uint _element0;
}
