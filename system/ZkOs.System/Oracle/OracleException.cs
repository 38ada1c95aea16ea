// SPDX-License-Identifier: MIT
namespace ZkOs.System.Oracle;

/// <summary>
/// An oracle that cannot answer (an unknown query, a missing preimage) or an answer that does not have
/// the shape its query promises (a truncated or inconsistent tape). Fatal for the block, never for the host.
/// </summary>
public sealed class OracleException(uint queryId, string message)
    : Exception($"oracle query {OracleQuery.NameOf(queryId)}: {message}")
{
    public uint QueryId { get; } = queryId;
}
