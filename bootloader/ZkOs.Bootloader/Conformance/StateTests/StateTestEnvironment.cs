// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// The block a state test's transaction runs in (<c>env</c>). Fields that only exist from some fork on
/// are null when a test for an older fork leaves them out.
/// </summary>
public sealed record StateTestEnvironment
{
    /// <summary><c>currentCoinbase</c>: receives the priority fee.</summary>
    public required Address Coinbase { get; init; }

    /// <summary><c>currentGasLimit</c>: the block gas limit a transaction's gas limit may not exceed.</summary>
    public required ulong GasLimit { get; init; }

    /// <summary><c>currentNumber</c>.</summary>
    public required ulong Number { get; init; }

    /// <summary><c>currentTimestamp</c>.</summary>
    public required ulong Timestamp { get; init; }

    /// <summary><c>currentDifficulty</c>: what DIFFICULTY returns before the merge (Paris).</summary>
    public required UInt256 Difficulty { get; init; }

    /// <summary>
    /// <c>currentRandom</c>: what PREVRANDAO (opcode 0x44) returns from Paris on; null when the test
    /// leaves it out (pre-merge forks). A short quantity is widened to 32 bytes.
    /// </summary>
    public required Bytes32? PrevRandao { get; init; }

    /// <summary><c>currentBaseFee</c> (London on); null for older forks.</summary>
    public required UInt256? BaseFee { get; init; }

    /// <summary><c>currentExcessBlobGas</c> (Cancun on): sets the blob base fee; null for older forks.</summary>
    public required ulong? ExcessBlobGas { get; init; }

    /// <summary><c>previousHash</c>, given by some tests (the evm-benchmarks); null otherwise.</summary>
    public required Bytes32? PreviousHash { get; init; }

    /// <summary>The chain id the transactions are signed for: <c>config.chainid</c> when a test gives one, else 1.</summary>
    public required ulong ChainId { get; init; }
}
