// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.ZkSync.Proving;

/// <summary>
/// A proving run that did not produce a public input, with where on the tape it stopped. The inner
/// exception says why: a <see cref="System.Oracle.Csr.WitnessException"/> (truncated, left over,
/// contradicting the root or a hash), an <see cref="System.Oracle.OracleException"/> (an answer of the
/// wrong shape), an <see cref="System.Variants.ArenaExhaustedException"/>, or whatever an altered
/// answer made the STF reject.
/// </summary>
public sealed class ProvingRunException(int wordsRead, Exception inner)
    : Exception($"the proving run failed after reading {wordsRead} witness words: {inner.Message}", inner)
{
    public int WordsRead { get; } = wordsRead;
}
