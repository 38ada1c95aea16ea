// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>An L2→L1 message: the sender, the data and keccak(data).</summary>
/// <param name="Data">A copy of the data, in the run's memory when the IO subsystem has one (the prover's arena).</param>
/// <remarks>A struct, with its data in the run's memory: a proving run's messages allocate nothing.</remarks>
public readonly record struct L1Message(Address Sender, ReadOnlyMemory<byte> Data, Bytes32 Hash);

