// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.System.Io;

/// <summary>An account as a state source reports it: what the IO subsystem needs to run it.</summary>
/// <param name="Code">The code; the state source's memory may hold it (the prover reads it into its arena).</param>
/// <param name="EeType">The EE that runs its code (0 for an account without code).</param>
/// <remarks>A struct: loading an account (once per account per block, also when proving) allocates no record.</remarks>
public readonly record struct AccountSnapshot(ulong Nonce, UInt256 Balance, ReadOnlyMemory<byte> Code, byte EeType);
