// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>Which comparison of a replayed transaction a mismatch belongs to.</summary>
public enum MainnetReplayCheck
{
    /// <summary>The transaction did not run to a receipt: rejected by validation, or it needed something unimplemented.</summary>
    Execution,

    /// <summary>Success or failure against the receipt's status.</summary>
    Status,

    /// <summary>Gas charged against the receipt's gasUsed.</summary>
    GasUsed,

    /// <summary>The logs (address, topics, data, in order) against the receipt's.</summary>
    Logs,

    /// <summary>The balances, nonces, code and slots written, against the diff trace's <c>post</c>.</summary>
    State,
}
