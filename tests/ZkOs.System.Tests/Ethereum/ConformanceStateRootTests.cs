// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.Framework.Primitives;
using ZkOs.System.Ethereum;

namespace ZkOs.System.Tests.Ethereum;

/// <summary>
/// End-to-end checks against ethereum/tests state tests: a case with <c>expectException</c> rejects
/// its transaction and leaves the state exactly as it was (no fee, no coinbase credit, no new
/// account), so its expected post-state root is the root of <c>pre</c>, and its logs hash that of no logs.
/// </summary>
public class ConformanceStateRootTests
{
    // Chosen for variety: empty accounts kept in the state (eoaEmptyParis), storage (eoaEmptyParis,
    // lowGasLimit), several contracts (the EIP-3607 files), a sender that does not exist
    // (NoSrcAccount), blob transactions, and the largest files of invalid cases.
    public static TheoryData<string> Files() => new()
    {
        "stSpecialTest/eoaEmptyParis.json",
        "stEIP1559/lowGasLimit.json",
        "stEIP1559/intrinsic.json",
        "stEIP1559/valCausesOOF.json",
        "stEIP3607/transactionCollidingWithNonEmptyAccount_init_Paris.json",
        "stEIP3607/transactionCollidingWithNonEmptyAccount_calls.json",
        "stExample/invalidTr.json",
        "stTransactionTest/NoSrcAccount.json",
        "stTransactionTest/ValueOverflowParis.json",
        "stCreateTest/CreateTransactionHighNonce.json",
        "Cancun/stEIP4844-blobtransactions/createBlobhashTx.json",
        "Pyspecs/cancun/eip4844_blobs/insufficient_balance_blob_tx.json",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void RejectedTransaction_PostRootIsTheRootOfPre(string file)
    {
        using var stream = File.OpenRead(ConformanceData.StateTest(file));
        using var document = JsonDocument.Parse(stream);
        int checkedCases = 0;
        foreach (var test in document.RootElement.EnumerateObject())
        {
            var preRoot = EthereumStateRoot.Compute(StateTestJson.Accounts(test.Value.GetProperty("pre")));
            foreach (var fork in test.Value.GetProperty("post").EnumerateObject())
            {
                foreach (var postCase in fork.Value.EnumerateArray())
                {
                    if (!postCase.TryGetProperty("expectException", out _))
                        continue;
                    Assert.Equal(Bytes32.Parse(postCase.GetProperty("hash").GetString()), preRoot);
                    Assert.Equal(Bytes32.Parse(postCase.GetProperty("logs").GetString()), LogsHash.Compute([]));
                    checkedCases++;
                }
            }
        }
        Assert.True(checkedCases > 0, $"{file} has no expectException case");
    }
}
