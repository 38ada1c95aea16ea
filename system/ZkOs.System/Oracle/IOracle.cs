// SPDX-License-Identifier: MIT
namespace ZkOs.System.Oracle;

/// <summary>
/// The oracle at the level of the RISC-V CSR protocol (reference §6.3): a query id and its parameter
/// words in, response words out. Everything typed is built on top (<see cref="OracleClient"/>), so a
/// forward oracle, a recording wrapper (the witness) and a tape reader are interchangeable.
/// </summary>
public interface IOracle
{
    /// <summary>
    /// Answers query <paramref name="queryId"/>. The response is appended to <paramref name="response"/>,
    /// which the caller clears and reuses. An unanswerable query throws <see cref="OracleException"/>.
    /// </summary>
    void Query(uint queryId, ReadOnlySpan<uint> parameters, List<uint> response);
}
