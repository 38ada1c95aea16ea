// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>How a case ended.</summary>
public enum StateTestOutcome
{
    /// <summary>Root and logs matched, and the transaction was rejected exactly when the test expects it.</summary>
    Pass,

    /// <summary>Anything else, including the executor throwing.</summary>
    Fail,

    /// <summary>The executor does not support something the case needs.</summary>
    Skip,
}
