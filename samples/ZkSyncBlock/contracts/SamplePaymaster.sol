// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

import {Transaction, BOOTLOADER} from "./ZkSyncTransaction.sol";

/// A general-flow paymaster that sponsors anyone: it pays the bootloader gas limit × max fee for
/// every transaction that names it with the `general(bytes)` paymaster input, and asks for no context.
contract SamplePaymaster {
    error OnlyBootloader();
    error UnsupportedFlow();
    error FeeTransferFailed();

    /// `general(bytes)`: the flow that needs nothing from the user.
    bytes4 private constant GENERAL = 0x8c5a3445;

    function validateAndPayForPaymasterTransaction(bytes32, bytes32, Transaction calldata transaction)
        external payable returns (bytes4 magic, bytes memory context)
    {
        if (msg.sender != BOOTLOADER) revert OnlyBootloader();
        if (transaction.paymasterInput.length < 4 || bytes4(transaction.paymasterInput[0:4]) != GENERAL) revert UnsupportedFlow();
        (bool ok,) = payable(BOOTLOADER).call{value: transaction.maxFeePerGas * transaction.gasLimit}("");
        if (!ok) revert FeeTransferFailed();
        return (this.validateAndPayForPaymasterTransaction.selector, "");
    }

    receive() external payable {}
}
