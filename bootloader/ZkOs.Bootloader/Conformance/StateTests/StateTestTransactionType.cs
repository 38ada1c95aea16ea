// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>The EIP-2718 type of a state-test transaction; the value is the type byte.</summary>
public enum StateTestTransactionType : byte
{
    /// <summary>Type 0: gasPrice, no access list.</summary>
    Legacy = 0,

    /// <summary>Type 1 (EIP-2930): gasPrice and an access list.</summary>
    AccessList = 1,

    /// <summary>Type 2 (EIP-1559): maxFeePerGas and maxPriorityFeePerGas.</summary>
    DynamicFee = 2,

    /// <summary>Type 3 (EIP-4844): a dynamic-fee transaction carrying blob versioned hashes.</summary>
    Blob = 3,
}
