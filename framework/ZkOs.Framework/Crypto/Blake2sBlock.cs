// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Crypto;

/// <summary>One BLAKE2s message block, used to buffer partial input and build the zero-padded last block.</summary>
/// <remarks>An inline array so hasher structs carry their state without a heap buffer.</remarks>
[InlineArray(64)]
internal struct Blake2sBlock
{
    private byte _element0;
}
