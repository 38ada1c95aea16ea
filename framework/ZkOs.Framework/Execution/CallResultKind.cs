// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>What became of a requested call (reference/zksync-os.md §2.1 <c>CallResult</c>).</summary>
public enum CallResultKind : byte
{
    /// <summary>The call could not even be prepared (out of ergs paying for it): an EVM caller fails as out of gas.</summary>
    FailedToExecute,

    /// <summary>The callee reverted or failed, or the transfer or depth check failed: the caller sees 0.</summary>
    Failed,

    Successful,
}
