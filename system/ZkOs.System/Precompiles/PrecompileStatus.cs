// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles;

/// <summary>
/// How a precompile call ended. Every failure but out-of-native makes the call fail with all passed
/// ergs consumed and empty output (reference/zksync-os.md §4.8); out of native is fatal for the transaction.
/// </summary>
public enum PrecompileStatus : byte
{
    Success = 0,

    /// <summary>Malformed input (a point not on the curve, a bad length ...).</summary>
    InvalidInput,

    OutOfErgs,

    OutOfNative,

    /// <summary>The precompile exists in the fork but is not implemented here: reported, never faked.</summary>
    Unsupported,
}
