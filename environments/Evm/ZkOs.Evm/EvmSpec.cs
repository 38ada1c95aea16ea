// SPDX-License-Identifier: MIT
namespace ZkOs.Evm;

/// <summary>
/// The rules of one fork that are not just "opcode X exists": every difference between forks the EVM
/// honours is a field here, set once from the fork, so no handler compares fork numbers.
/// </summary>
public sealed record EvmSpec
{
    public required EvmFork Fork { get; init; }

    /// <summary>EIP-3860: init code is limited to 49,152 bytes and costs 2 gas per word (Shanghai).</summary>
    public bool LimitInitCode { get; init; }

    /// <summary>EIP-6780: SELFDESTRUCT removes the account only when it was created in the same transaction (Cancun).</summary>
    public bool SelfDestructOnlyInCreatingTransaction { get; init; }

    /// <summary>EIP-3651: the coinbase starts warm (Shanghai).</summary>
    public bool WarmCoinbase { get; init; }

    public const int MaxCodeSize = 0x6000;
    public const int MaxInitCodeSize = 2 * MaxCodeSize;

    public static EvmSpec Cancun { get; } = For(EvmFork.Cancun);

    public static EvmSpec For(EvmFork fork) => new()
    {
        Fork = fork,
        LimitInitCode = fork >= EvmFork.Shanghai,
        WarmCoinbase = fork >= EvmFork.Shanghai,
        SelfDestructOnlyInCreatingTransaction = fork >= EvmFork.Cancun,
    };
}
