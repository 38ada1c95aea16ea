// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.Ethereum;
using ZkOs.System.Io;

namespace ZkOs.Bootloader.Ethereum;

/// <summary>The Ethereum commitments of the IO subsystem's state: the MPT state root and the logs hash.</summary>
public static class EthereumCommitment
{
    public static Bytes32 StateRoot(IoSubsystem io)
    {
        var storage = io.StorageByAccount();
        return EthereumStateRoot.Compute(io.Accounts.Select(pair => new AccountState(
            pair.Key, pair.Value.Nonce, pair.Value.Balance, pair.Value.CodeHash,
            storage.GetValueOrDefault(pair.Key) ?? [])));
    }

    public static Bytes32 LogsHashOf(LogList logs)
    {
        var converted = new EthereumLog[logs.Count];
        for (var i = 0; i < logs.Count; i++)
        {
            var log = logs[i];
            converted[i] = new EthereumLog(log.Address, log.Topics, log.Data);
        }
        return LogsHash.Compute(converted);
    }

    public static Bytes32 LogsHashOf(IReadOnlyList<LogEntry> logs)
    {
        var converted = new EthereumLog[logs.Count];
        for (var i = 0; i < logs.Count; i++)
        {
            converted[i] = new EthereumLog(logs[i].Address, logs[i].Topics, logs[i].Data);
        }
        return LogsHash.Compute(converted);
    }
}
