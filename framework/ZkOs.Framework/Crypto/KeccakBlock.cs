// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Crypto;

/// <summary>One Keccak-256 rate block (1088 bits), used to buffer partial input and build the padded last block.</summary>
/// <remarks>An inline array so hasher structs carry their state without a heap buffer.</remarks>
[InlineArray(136)]
internal struct KeccakBlock
{
    private byte _element0;
}
