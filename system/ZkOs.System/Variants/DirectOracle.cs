// SPDX-License-Identifier: MIT
using ZkOs.System.Oracle;

namespace ZkOs.System.Variants;

/// <summary>Forward transport: the STF calls the in-process oracle directly.</summary>
public readonly struct DirectOracle : IOracleTransport
{
    public static IOracle Open(IOracle source) => source;
}
