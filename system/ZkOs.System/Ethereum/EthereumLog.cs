// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Ethereum;

/// <summary>
/// One log (event) as receipts and the state tests' logs hash commit to it:
/// RLP([address, [topic, ...], data]), each topic a 32-byte big-endian word.
/// </summary>
/// <remarks>
/// Topics are 256-bit words, as <c>ISystem.EmitEvent</c> and the IO subsystem carry them, so their
/// arrays convert implicitly. The memories are not copied; equality compares them as
/// <see cref="ReadOnlyMemory{T}"/> does (same buffer, offset and length), not by content.
/// </remarks>
/// <param name="Address">The contract that emitted the log.</param>
/// <param name="Topics">The indexed topics (at most four from the EVM).</param>
/// <param name="Data">The unindexed data.</param>
public readonly record struct EthereumLog(Address Address, ReadOnlyMemory<UInt256> Topics, ReadOnlyMemory<byte> Data);
