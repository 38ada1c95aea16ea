// SPDX-License-Identifier: MIT
namespace ZkOs.System.Oracle.Csr;

/// <summary>
/// A CSR port that replays a witness: every read takes the next word of the tape, and writes (the
/// guest's queries) go nowhere, exactly as on the prover, where the tape is all the program sees.
/// Running past the end is a <see cref="WitnessException"/>: the tape was truncated or misread.
/// </summary>
public sealed class TapePort(ReadOnlyMemory<uint> tape) : ICsrPort
{
    private int _position;

    /// <summary>Words read so far.</summary>
    public int Position => _position;

    /// <summary>Words not read yet; a complete run leaves none.</summary>
    public int Remaining => tape.Length - _position;

    public void Write(uint word)
    {
    }

    public uint Read()
    {
        if (_position >= tape.Length)
        {
            throw new WitnessException($"the witness ends after {tape.Length} words, but the run reads on");
        }
        return tape.Span[_position++];
    }
}
