// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// Who validates, pays for and executes an L2 transaction (reference §5.4 step 2): the bootloader for an
/// externally owned account, the account's own code for a contract account.
/// </summary>
public enum AccountModel
{
    /// <summary>Signature, nonce and fee checked and handled by the bootloader.</summary>
    Eoa,

    /// <summary>A 0x71 transaction whose sender has code: <c>validateTransaction</c>, <c>payForTransaction</c>, <c>executeTransaction</c>.</summary>
    Contract,
}
