// SPDX-License-Identifier: MIT
namespace ZkOs.System.Oracle.Csr;

/// <summary>
/// The guest side of the CSR protocol (reference §6.3): a query is its id, its parameter count and its
/// parameter words written to the port; the answer is a length word read from the port and that many
/// words. Nothing typed crosses the port, so whatever serves it (a host over forward sources, a
/// recorded tape) is interchangeable, and the words the guest reads are exactly the witness.
/// </summary>
public sealed class CsrOracle(ICsrPort port) : IOracle
{
    /// <summary>
    /// The longest answer the guest accepts, in words: the transaction buffer's 8 MiB (reference §4.7)
    /// plus slack. A corrupted length word fails here instead of reading the rest of the tape as one answer.
    /// </summary>
    public const uint MaxResponseWords = (8 << 20) / 4 + 1024;

    public void Query(uint queryId, ReadOnlySpan<uint> parameters, List<uint> response)
    {
        port.Write(queryId);
        port.Write((uint)parameters.Length);
        foreach (var word in parameters)
        {
            port.Write(word);
        }
        var length = port.Read();
        if (length > MaxResponseWords)
        {
            throw new OracleException(queryId, $"an answer of {length} words is longer than the guest accepts ({MaxResponseWords})");
        }
        for (var i = 0u; i < length; i++)
        {
            response.Add(port.Read());
        }
    }
}
