// SPDX-License-Identifier: MIT
namespace ZkOs.System.Io;

/// <summary>
/// The events of one transaction as views over the IO subsystem's log arena: no copy is made, so it is
/// valid only until the next transaction begins on that subsystem (reading it later throws rather than
/// show another transaction's events). <see cref="ToEntries"/> copies them out. The default is empty.
/// </summary>
public readonly record struct LogList
{
    private readonly IoSubsystem? _io;
    private readonly long _generation;

    internal LogList(IoSubsystem io, long generation, int count)
    {
        _io = io;
        _generation = generation;
        Count = count;
    }

    public int Count { get; }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    /// <exception cref="InvalidOperationException">Another transaction has begun since.</exception>
    public LogView this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _io!.LogAt(index, _generation);
        }
    }

    /// <summary>Copies of the events, which outlive the transaction.</summary>
    public LogEntry[] ToEntries()
    {
        if (Count == 0)
        {
            return [];
        }
        var entries = new LogEntry[Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = this[i].ToEntry();
        }
        return entries;
    }
}
