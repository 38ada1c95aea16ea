// SPDX-License-Identifier: MIT
using ZkOs.Framework.Interpretation;

namespace ZkOs.Cli.Commands;

/// <summary>
/// Counts the instructions an EVM runs, across frames. Attaching it switches the EVM to its traced loop,
/// so <c>zkos bench</c> counts in a separate run and never times one.
/// </summary>
internal sealed class BenchInstructionCounter : IInstructionTracer
{
    public long Count { get; private set; }

    /// <summary>A counter needs no refund figure: the EE only copies it into the step.</summary>
    public ulong RefundCounter => 0;

    public void Step(in InstructionStep step) => Count++;
}
