// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Ethereum;

/// <summary>
/// What the Ethereum transaction policy changes between forks, as data: set once from the fork's name,
/// never compared in scattered <c>if</c>s.
/// </summary>
public sealed record EthereumForkRules
{
    public required string Fork { get; init; }

    /// <summary>The highest transaction type accepted (Berlin 1, London 2, Cancun 3).</summary>
    public required byte MaxTransactionType { get; init; }

    /// <summary>EIP-3651 (Shanghai).</summary>
    public required bool WarmCoinbase { get; init; }

    /// <summary>EIP-3860 (Shanghai): init code size limit and its per-word intrinsic gas.</summary>
    public required bool LimitInitCode { get; init; }

    /// <summary>EIP-3529 (London): refunds are capped at gas used / 5 (before: / 2).</summary>
    public required ulong RefundQuotient { get; init; }

    public static readonly IReadOnlyList<string> Known = ["Berlin", "London", "Paris", "Merge", "Shanghai", "Cancun"];

    public static EthereumForkRules? For(string fork) => fork switch
    {
        "Berlin" => new() { Fork = fork, MaxTransactionType = 1, WarmCoinbase = false, LimitInitCode = false, RefundQuotient = 2 },
        "London" or "Paris" or "Merge" => new() { Fork = fork, MaxTransactionType = 2, WarmCoinbase = false, LimitInitCode = false, RefundQuotient = 5 },
        "Shanghai" => new() { Fork = fork, MaxTransactionType = 2, WarmCoinbase = true, LimitInitCode = true, RefundQuotient = 5 },
        "Cancun" => new() { Fork = fork, MaxTransactionType = 3, WarmCoinbase = true, LimitInitCode = true, RefundQuotient = 5 },
        _ => null,
    };
}
