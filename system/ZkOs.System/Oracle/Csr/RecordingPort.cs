// SPDX-License-Identifier: MIT
namespace ZkOs.System.Oracle.Csr;

/// <summary>
/// Records every word the guest reads through <paramref name="inner"/>: the witness of the run, which a
/// <see cref="TapePort"/> later replays. Writes are not recorded; the guest computes them itself.
/// </summary>
public sealed class RecordingPort(ICsrPort inner) : ICsrPort
{
    private readonly List<uint> _words = [];

    public IReadOnlyList<uint> Words => _words;

    public void Write(uint word) => inner.Write(word);

    public uint Read()
    {
        var word = inner.Read();
        _words.Add(word);
        return word;
    }
}
