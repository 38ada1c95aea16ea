// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>
/// The outcome of a request to the system. Out of native is fatal for the transaction and must be
/// propagated unchanged; every other failure is the frame's to handle.
/// </summary>
public enum SystemStatus : byte
{
    Ok = 0,
    OutOfErgs,
    OutOfNative,

    /// <summary>A balance would go below zero or a nonce past its maximum.</summary>
    NumericBounds,

    /// <summary>A request the system refuses (e.g. a state change from a static frame that the EE let through).</summary>
    Refused,
}
