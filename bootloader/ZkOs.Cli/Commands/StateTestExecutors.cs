// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Evm;
using ZkOs.Framework.Execution;

namespace ZkOs.Cli.Commands;

/// <summary>Where <c>zkos statetest</c> gets the executor that runs each case: the built-in EVM under the Ethereum policy.</summary>
internal static class StateTestExecutors
{
    public static IStateTestExecutor Create()
    {
        var evms = new Dictionary<string, IExecutionEnvironment?>(StringComparer.OrdinalIgnoreCase);
        return new EthereumStateTestExecutor(fork =>
        {
            if (!evms.TryGetValue(fork, out var evm))
            {
                evm = Enum.TryParse<EvmFork>(fork is "Paris" or "Merge" ? nameof(EvmFork.London) : fork, ignoreCase: true, out var parsed)
                    ? new EvmEnvironment(EvmSpec.For(parsed))
                    : null;
                evms[fork] = evm;
            }
            return evm;
        });
    }
}
