// SPDX-License-Identifier: MIT
namespace ZkOs.Evm;

/// <summary>
/// Ethereum forks, oldest first: the table's <c>since</c> column names them, and an opcode is invalid
/// before its fork. Rules that changed between forks (warm coinbase, init-code limits ...) are read from
/// <see cref="EvmSpec"/>, never from scattered comparisons.
/// </summary>
public enum EvmFork
{
    Frontier = 0,
    Homestead,
    Byzantium,
    Constantinople,
    Istanbul,
    Berlin,
    London,
    Shanghai,
    Cancun,
}
