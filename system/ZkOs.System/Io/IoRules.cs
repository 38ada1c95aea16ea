// SPDX-License-Identifier: MIT
namespace ZkOs.System.Io;

/// <summary>
/// The IO rules that differ between the Ethereum and ZKsync policies: every intentional divergence is
/// a field here, set by the policy, never an <c>if</c> scattered through the system.
/// </summary>
public sealed record IoRules
{
    /// <summary>EIP-3529 SSTORE refunds (Ethereum; ZKsync OS has none).</summary>
    public required bool GasRefunds { get; init; }

    /// <summary>EIP-161: touched accounts left empty are removed at the end of a transaction (Ethereum).</summary>
    public required bool DeleteEmptyTouchedAccounts { get; init; }

    /// <summary>EIP-6780: SELFDESTRUCT removes only accounts created in the same transaction.</summary>
    public bool SelfDestructOnlyInCreatingTransaction { get; init; } = true;

    /// <summary>EIP-7610: an address holding storage cannot be deployed to (Ethereum; ZKsync OS only checks nonce and code).</summary>
    public required bool DeploymentCollisionIncludesStorage { get; init; }

    public static IoRules Ethereum { get; } = new() { GasRefunds = true, DeleteEmptyTouchedAccounts = true, DeploymentCollisionIncludesStorage = true };

    public static IoRules ZkSync { get; } = new() { GasRefunds = false, DeleteEmptyTouchedAccounts = false, DeploymentCollisionIncludesStorage = false };
}
