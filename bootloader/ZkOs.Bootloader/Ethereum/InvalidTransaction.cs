// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Ethereum;

/// <summary>Why an Ethereum transaction cannot be included. The state is left as it was.</summary>
public enum InvalidTransaction
{
    TypeNotSupported,
    IntrinsicGasTooLow,
    GasLimitAboveBlock,
    NonceTooLow,
    NonceTooHigh,
    NonceMaximum,
    SenderNotEoa,
    InsufficientFunds,
    FeeCapBelowBaseFee,
    PriorityFeeAboveFeeCap,
    ValueTooLarge,
    InitCodeTooLarge,
    BlobCreate,
    NoBlobs,
    TooManyBlobs,
    InvalidBlobVersion,
    BlobFeeCapBelowBlobBaseFee,
}
