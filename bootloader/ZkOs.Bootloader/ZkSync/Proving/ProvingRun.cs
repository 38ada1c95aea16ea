// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOs.Framework.Execution;
using ZkOs.System.Oracle.Csr;
using ZkOs.System.Precompiles;
using ZkOs.System.Variants;

namespace ZkOs.Bootloader.ZkSync.Proving;

/// <summary>
/// The prover's run (reference §1.3): the proving variant of the STF over a witness tape and nothing
/// else. It succeeds only when the tape answers every query with words the run can check (preimages
/// re-hashed, storage proven against the initial root) and is consumed exactly; the result is the
/// block public input.
/// </summary>
public sealed class ProvingRun(IExecutionEnvironment?[] environments, PrecompileSet precompiles)
{
    /// <exception cref="ProvingRunException">
    /// The tape is truncated, has words left over, contradicts itself or the root, has an answer of the
    /// wrong shape, or needs more memory than the guest has; the inner exception says which.
    /// </exception>
    public ProvingRunReport Run(ReadOnlyMemory<uint> tape)
    {
        var port = new TapePort(tape);
        var stopwatch = Stopwatch.StartNew();
        ZkSyncBlockResult block;
        try
        {
            block = new ZkSyncBlockExecutor<ProvingSystem>(environments, precompiles).Run(new CsrOracle(port));
            if (port.Remaining != 0)
            {
                throw new WitnessException($"the run ended after word {port.Position}, but the witness has {port.Remaining} more");
            }
        }
        catch (Exception e)
        {
            // Whatever an altered tape provokes, the prover reports it as this run's failure.
            throw new ProvingRunException(port.Position, e);
        }
        stopwatch.Stop();
        return new ProvingRunReport(block.Proof!, port.Position, block.ArenaHighWaterMark, stopwatch.Elapsed);
    }
}
