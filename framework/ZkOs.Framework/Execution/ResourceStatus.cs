// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>The outcome of a charge. Out of native is fatal for the transaction; out of ergs fails the frame.</summary>
public enum ResourceStatus : byte
{
    Ok = 0,
    OutOfErgs,
    OutOfNative,
}
