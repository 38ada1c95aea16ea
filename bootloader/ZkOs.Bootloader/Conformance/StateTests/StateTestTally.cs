// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// Counts the verdicts of a run and groups skips by reason, so a summary says how much is missing and
/// why (e.g. "skipped: 42 × KZG point evaluation (0x0a) unsupported") rather than listing every case.
/// </summary>
public sealed class StateTestTally
{
    private readonly Dictionary<string, int> _skipReasons = new(StringComparer.Ordinal);

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Skipped { get; private set; }

    public int Total => Passed + Failed + Skipped;

    public void Add(StateTestVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        switch (verdict.Outcome)
        {
            case StateTestOutcome.Pass:
                Passed++;
                break;
            case StateTestOutcome.Fail:
                Failed++;
                break;
            case StateTestOutcome.Skip:
                Skipped++;
                var reason = verdict.Reason ?? "no reason given";
                _skipReasons[reason] = _skipReasons.GetValueOrDefault(reason) + 1;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(verdict), verdict.Outcome, "not an outcome");
        }
    }

    /// <summary>Skip reasons with their counts, most frequent first (ties in ordinal order, so output is stable).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> SkipReasons =>
        [.. _skipReasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)];

    /// <summary>"N passed, M failed", with ", K skipped" when anything was skipped.</summary>
    public string SummaryLine() =>
        Skipped == 0 ? $"{Passed} passed, {Failed} failed" : $"{Passed} passed, {Failed} failed, {Skipped} skipped";

    /// <summary>One "skipped: N × reason" line per skip reason, most frequent first.</summary>
    public IEnumerable<string> SkipLines() => SkipReasons.Select(r => $"skipped: {r.Value} × {r.Key}");
}
