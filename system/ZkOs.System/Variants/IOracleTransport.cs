// SPDX-License-Identifier: MIT
using ZkOs.System.Oracle;

namespace ZkOs.System.Variants;

/// <summary>The oracle column of <c>system.variants.csv</c>: how the STF talks to whatever answers its queries.</summary>
public interface IOracleTransport
{
    static abstract IOracle Open(IOracle source);
}
