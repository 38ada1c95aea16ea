// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.System.Oracle.Csr;
using ZkOs.System.Precompiles;
using ZkOs.System.Variants;

namespace ZkOs.Bootloader.Tests.ZkSync.Proving;

/// <summary>
/// A witness with, for each answer on it, the query that asked for it and where its length word sits,
/// so a test can alter one specific answer (a storage value, a preimage, a proof).
/// </summary>
internal sealed record AnnotatedWitness(uint[] Words, IReadOnlyList<AnnotatedWitness.Answer> Answers)
{
    /// <summary>One answer: its query, the query's parameters, and the index of its length word on the tape.</summary>
    public sealed record Answer(uint QueryId, uint[] Parameters, int LengthAt)
    {
        public int FirstWord => LengthAt + 1;
    }

    public static AnnotatedWitness Record(ZkSyncBlockFile file)
    {
        var (words, _) = ProvingHarness.RecordWitness(file);
        // Replaying the tape through a port that watches the queries labels every answer on it.
        var annotator = new AnnotatingPort(new TapePort(words));
        using var executor = new ZkSyncBlockExecutor<ProvingSystem>(ProvingHarness.Environments(), PrecompileSet.Cancun);
        executor.Run(new CsrOracle(annotator));
        return new AnnotatedWitness(words, annotator.Answers);
    }

    public IEnumerable<Answer> Of(uint queryId) => Answers.Where(a => a.QueryId == queryId);

    public uint[] With(int index, uint value)
    {
        var copy = (uint[])Words.Clone();
        copy[index] = value;
        return copy;
    }

    /// <summary>Watches the CSR traffic: a query's writes, then its answer's reads.</summary>
    private sealed class AnnotatingPort(ICsrPort inner) : ICsrPort
    {
        private readonly List<uint> _query = [];
        private bool _reading;
        private int _position;

        public List<Answer> Answers { get; } = [];

        public void Write(uint word)
        {
            if (_reading)
            {
                _reading = false;
                _query.Clear();
            }
            _query.Add(word);
            inner.Write(word);
        }

        public uint Read()
        {
            if (!_reading)
            {
                _reading = true;
                Answers.Add(new Answer(_query[0], [.. _query.Skip(2)], _position));
            }
            _position++;
            return inner.Read();
        }
    }
}
