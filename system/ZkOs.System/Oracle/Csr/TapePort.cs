// SPDX-License-Identifier: MIT
namespace ZkOs.System.Oracle.Csr;

/// <summary>
/// A CSR port that replays a witness: every read takes the next word of the tape, and writes (the
/// guest's queries) go nowhere, exactly as on the prover, where the tape is all the program sees.
/// Running past the end is a <see cref="WitnessException"/>: the tape was truncated or misread.
/// </summary>
public sealed class TapePort(ReadOnlyMemory<uint> tape) : ICsrPort
{
    private ReadOnlyMemory<uint> _tape = tape;
    private int _position;

    /// <summary>Replays <paramref name="next"/> from its first word: a reusable prover keeps one port.</summary>
    public void Load(ReadOnlyMemory<uint> next)
    {
        _tape = next;
        _position = 0;
    }

    /// <summary>Words read so far.</summary>
    public int Position => _position;

    /// <summary>Words not read yet; a complete run leaves none.</summary>
    public int Remaining => _tape.Length - _position;

    public void Write(uint word)
    {
    }

    public uint Read()
    {
        if (_position >= _tape.Length)
        {
            throw new WitnessException($"the witness ends after {_tape.Length} words, but the run reads on");
        }
        return _tape.Span[_position++];
    }
}
