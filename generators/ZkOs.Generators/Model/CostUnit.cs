// SPDX-License-Identifier: MIT
namespace ZkOs.Generators.Model;

/// <summary>The unit of a table's cost column, chosen by its header (<c>gas</c> or <c>ergs</c>).</summary>
internal enum CostUnit
{
    /// <summary>EVM gas: every value is multiplied by <see cref="Scale.ErgsPerGas"/>.</summary>
    Gas,

    /// <summary>Ergs, used as written.</summary>
    Ergs,
}

/// <summary>Conversion between the cost units.</summary>
internal static class Scale
{
    /// <summary>ZKsync OS charges EVM gas in ergs at 256 ergs per gas.</summary>
    public const long ErgsPerGas = 256;
}
