// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// Why ZKsync OS refuses a transaction during parsing or validation (reference/zksync-os.md §5.6).
/// A refused transaction is recorded as <c>tx_processed(Err(kind))</c> and skipped; it does not
/// fail the block. One value per variant of the snapshot's <c>InvalidTransaction</c>; the data some
/// variants carry in Rust (nonces, addresses, the reverted method) travels next to the kind, not in it.
/// </summary>
public enum InvalidTransaction
{
    /// <summary>The body is not a well-formed ABI encoding (head words, offsets, lengths, padding, size).</summary>
    InvalidEncoding,

    /// <summary>The body decodes, but a field is set in a way its transaction type forbids.</summary>
    InvalidStructure,

    /// <summary><c>max_priority_fee_per_gas &gt; max_fee_per_gas</c>.</summary>
    PriorityFeeGreaterThanMaxFee,

    /// <summary>The block's base fee is above the transaction's <c>max_fee_per_gas</c>.</summary>
    BaseFeeGreaterThanMaxFee,

    /// <summary>The transaction's gas limit is above the block gas limit.</summary>
    CallerGasLimitMoreThanBlock,

    /// <summary>EIP-3607: the sender has deployed code but the transaction goes through the EOA path.</summary>
    RejectCallerWithCode,

    /// <summary>The sender's balance is below <c>value + max_fee * gas_limit</c> (or <c>value</c> with a paymaster).</summary>
    LackOfFundForMaxFee,

    /// <summary>The transaction's nonce does not fit in 64 bits.</summary>
    NonceOverflowInTransaction,

    /// <summary>An EOA's transaction nonce is above the account nonce.</summary>
    NonceTooHigh,

    /// <summary>An EOA's transaction nonce is below the account nonce.</summary>
    NonceTooLow,

    /// <summary>EIP-2: the signature's <c>s</c> is above secp256k1n/2.</summary>
    MalleableSignature,

    /// <summary>The address recovered from the signature is not <c>from</c> (or recovery failed).</summary>
    IncorrectFrom,

    /// <summary>EIP-3860: a deployment's initcode is longer than 49152 bytes.</summary>
    CreateInitCodeSizeLimit,

    /// <summary>The user's gas-per-pubdata limit is below what the block charges.</summary>
    GasPerPubdataTooHigh,

    /// <summary>The transaction's resources would exceed the block's gas limit.</summary>
    BlockGasLimitTooHigh,

    /// <summary>A protocol upgrade transaction (0xFE) that is not the first of its block.</summary>
    UpgradeTxNotFirst,

    /// <summary>
    /// An account-abstraction call during validation reverted. Rust carries the method
    /// (account validate, pay for transaction, pre-paymaster, paymaster validate-and-pay).
    /// </summary>
    Revert,

    /// <summary>The bootloader (0x8001) received less than <c>gas_price * gas_limit</c> during payment.</summary>
    ReceivedInsufficientFees,

    /// <summary>A contract account's <c>validateTransaction</c> did not return its selector as the magic value.</summary>
    InvalidMagic,

    /// <summary>A contract account's <c>validateTransaction</c> returned other than exactly 32 bytes.</summary>
    InvalidReturndataLength,

    /// <summary>Validation ran out of gas (ergs).</summary>
    OutOfGasDuringValidation,

    /// <summary>Validation ran out of native (proving) resources, hashing the transaction included.</summary>
    OutOfNativeResourcesDuringValidation,

    /// <summary>A contract account's transaction nonce is below the account nonce.</summary>
    NonceUsedAlready,

    /// <summary>A contract account's nonce did not move past the transaction nonce during validation.</summary>
    NonceNotIncreased,

    /// <summary>The paymaster's <c>validateAndPayForPaymasterTransaction</c> returned too few bytes.</summary>
    PaymasterReturnDataTooShort,

    /// <summary>The paymaster returned a wrong magic value (the check is commented out in the snapshot).</summary>
    PaymasterInvalidMagic,

    /// <summary>The paymaster's returned context is malformed or longer than 1056 bytes.</summary>
    PaymasterContextInvalid,

    /// <summary>The paymaster's context offset points past its returndata.</summary>
    PaymasterContextOffsetTooLong,

    /// <summary>A protocol upgrade transaction did not succeed; upgrades must always succeed.</summary>
    UpgradeTxFailed,
}
