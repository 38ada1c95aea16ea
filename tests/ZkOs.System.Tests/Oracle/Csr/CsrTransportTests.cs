// SPDX-License-Identifier: MIT
using ZkOs.System.Oracle;
using ZkOs.System.Oracle.Csr;

namespace ZkOs.System.Tests.Oracle.Csr;

/// <summary>The CSR protocol (reference §6.3): query id, parameter count, parameters out; length and words back.</summary>
public class CsrTransportTests
{
    [Fact]
    public void GuestAndHost_CarryTheQueryAndTheAnswer()
    {
        var oracle = new ScriptedOracle();
        var guest = new CsrOracle(new OracleHostPort(oracle));
        var response = new List<uint>();

        guest.Query(9, [1, 2, 3], response);

        var (id, parameters) = Assert.Single(oracle.Queries);
        Assert.Equal(9u, id);
        Assert.Equal([1u, 2u, 3u], parameters);
        Assert.Equal([10u, 20u, 30u], response);
    }

    [Fact]
    public void Recording_KeepsEveryWordTheGuestRead_AndATapeReplaysThem()
    {
        var recorder = new RecordingPort(new OracleHostPort(new ScriptedOracle()));
        var guest = new CsrOracle(recorder);
        var first = new List<uint>();
        var second = new List<uint>();
        guest.Query(1, [], first);
        guest.Query(2, [7], second);

        Assert.Equal([3u, 10u, 20u, 30u, 3u, 10u, 20u, 30u], recorder.Words);

        var tape = new TapePort(recorder.Words.ToArray());
        var replayed = new List<uint>();
        new CsrOracle(tape).Query(12345, [99], replayed);
        Assert.Equal(first, replayed);
        Assert.Equal(4, tape.Position);
        Assert.Equal(4, tape.Remaining);
    }

    [Fact]
    public void AfterDisconnect_ReadsAreZero()
    {
        var host = new OracleHostPort(new ScriptedOracle());
        new CsrOracle(host).Query(OracleQuery.DisconnectOracle, [], []);

        Assert.Equal(0u, host.Read());
        Assert.Equal(0u, host.Read());
    }

    [Fact]
    public void HostRefusesAReadBeforeAWholeQuery()
    {
        var host = new OracleHostPort(new ScriptedOracle());
        host.Write(1);
        host.Write(2);
        host.Write(5);

        Assert.Throws<InvalidOperationException>(() => host.Read());
    }

    [Fact]
    public void HostRefusesANewQueryBeforeTheAnswerIsRead()
    {
        var host = new OracleHostPort(new ScriptedOracle());
        host.Write(1);
        host.Write(0);
        host.Read();

        Assert.Throws<InvalidOperationException>(() => host.Write(2));
    }

    [Fact]
    public void ATapeThatEnds_IsAWitnessError()
    {
        var error = Assert.Throws<WitnessException>(() => new CsrOracle(new TapePort(new uint[] { 3, 1 })).Query(1, [], []));
        Assert.Contains("ends after 2 words", error.Message);
    }

    [Fact]
    public void AnImpossibleAnswerLength_FailsBeforeReadingIt()
    {
        var error = Assert.Throws<OracleException>(() => new CsrOracle(new TapePort(new uint[] { uint.MaxValue })).Query(5, [], []));
        Assert.Contains("longer than the guest accepts", error.Message);
    }

    /// <summary>Answers every query with 10, 20, 30 and remembers what it was asked.</summary>
    private sealed class ScriptedOracle : IOracle
    {
        public List<(uint, uint[])> Queries { get; } = [];

        public void Query(uint queryId, ReadOnlySpan<uint> parameters, List<uint> response)
        {
            Queries.Add((queryId, parameters.ToArray()));
            if (queryId != OracleQuery.DisconnectOracle)
            {
                response.AddRange([10, 20, 30]);
            }
        }
    }
}
