// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

/// The Era `Transaction` tuple exactly as ZKsync OS hands it to account and paymaster methods: the
/// bootloader's transaction body, ABI-encoded as this struct (reference/zksync-os.md §5.2).
struct Transaction {
    uint256 txType;
    uint256 from;
    uint256 to;
    uint256 gasLimit;
    uint256 gasPerPubdataByteLimit;
    uint256 maxFeePerGas;
    uint256 maxPriorityFeePerGas;
    uint256 paymaster;
    uint256 nonce;
    uint256 value;
    uint256[4] reserved;
    bytes data;
    bytes signature;
    bytes32[] factoryDeps;
    bytes paymasterInput;
    bytes reservedDynamic;
}

// The bootloader's formal address: the only caller of account and paymaster methods, and the fee collector.
address constant BOOTLOADER = address(0x8001);
