// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {Transaction, BOOTLOADER} from "./ZkSyncTransaction.sol";

/// A minimal contract account (account abstraction): a transaction from it is valid when its owner
/// signed the hash the bootloader suggests (the EIP-712 signed hash). It pays its own fee and runs
/// the transaction's call with its own value. The nonce is not touched here: in this ZKsync OS the
/// nonce-holder hook is disabled, so the bootloader bumps a contract account's nonce itself.
contract SampleAccount {
    /// Slot 0, set in the genesis (the account is not deployed by a transaction in the sample).
    address public owner;

    /// secp256k1n / 2: a larger s is the malleable twin of another signature (EIP-2).
    uint256 private constant HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    error OnlyBootloader();
    error FeeTransferFailed();

    modifier onlyBootloader() {
        if (msg.sender != BOOTLOADER) revert OnlyBootloader();
        _;
    }

    /// Returns its own selector (the magic value) when the owner signed, anything else refuses.
    function validateTransaction(bytes32, bytes32 suggestedSignedHash, Transaction calldata transaction)
        external payable onlyBootloader returns (bytes4 magic)
    {
        bytes calldata signature = transaction.signature;
        if (signature.length != 65) return bytes4(0);
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        if (uint256(s) > HALF_ORDER) return bytes4(0);
        address signer = ecrecover(suggestedSignedHash, v, r, s);
        if (signer == address(0) || signer != owner) return bytes4(0);
        return this.validateTransaction.selector;
    }

    /// The bootloader must receive at least gas price × gas limit; it returns what exceeds it.
    function payForTransaction(bytes32, bytes32, Transaction calldata transaction) external payable onlyBootloader {
        (bool ok,) = payable(BOOTLOADER).call{value: transaction.maxFeePerGas * transaction.gasLimit}("");
        if (!ok) revert FeeTransferFailed();
    }

    /// A paymaster pays instead; nothing to prepare (no token approvals).
    function prepareForPaymaster(bytes32, bytes32, Transaction calldata) external payable onlyBootloader {}

    /// Runs the transaction's call from this account, bubbling a revert up.
    function executeTransaction(bytes32, bytes32, Transaction calldata transaction) external payable onlyBootloader {
        (bool ok, bytes memory output) = address(uint160(transaction.to)).call{value: transaction.value}(transaction.data);
        if (!ok) {
            assembly {
                revert(add(output, 0x20), mload(output))
            }
        }
    }

    receive() external payable {}
}
