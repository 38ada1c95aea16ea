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
/// <remarks>
/// A reusable machine, like the RISC-V guest: construction is the start-up (the arena is reserved, the
/// executor's parts and pools are built), and each <see cref="Run"/> resets them and runs one witness.
/// A run that fails (a bad tape, the arena exhausted) leaves nothing behind for the next one.
/// </remarks>
public sealed class ProvingRun : IDisposable
{
    private readonly TapePort _port = new(ReadOnlyMemory<uint>.Empty);
    private readonly CsrOracle _oracle;
    private readonly ZkSyncBlockExecutor<ProvingSystem> _executor;

    /// <param name="arenaBytes">The guest memory the run may use; the RISC-V guest's by default.</param>
    public ProvingRun(IExecutionEnvironment?[] environments, PrecompileSet precompiles, long arenaBytes = ArenaAllocator.GuestMemoryBytes)
    {
        _oracle = new CsrOracle(_port);
        _executor = new ZkSyncBlockExecutor<ProvingSystem>(environments, precompiles, new Arena(arenaBytes));
    }

    /// <summary>
    /// Proves the block <paramref name="tape"/> witnesses. The report's proof shares the machine's memory
    /// (its parts' pubdata, block hashes and logs): valid until the next run or until the machine is
    /// disposed; copy what must outlive that.
    /// </summary>
    /// <exception cref="ProvingRunException">
    /// The tape is truncated, has words left over, contradicts itself or the root, has an answer of the
    /// wrong shape, or needs more memory than the guest has; the inner exception says which.
    /// </exception>
    public ProvingRunReport Run(ReadOnlyMemory<uint> tape)
    {
        _port.Load(tape);
        var started = Stopwatch.GetTimestamp();
        ProvenBlock proof;
        try
        {
            proof = _executor.Prove(_oracle);
            if (_port.Remaining != 0)
            {
                throw new WitnessException($"the run ended after word {_port.Position}, but the witness has {_port.Remaining} more");
            }
        }
        catch (Exception e)
        {
            // Whatever an altered tape provokes, the prover reports it as this run's failure.
            throw new ProvingRunException(_port.Position, e);
        }
        return new ProvingRunReport(proof, _port.Position, _executor.ArenaHighWaterMark, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Frees the arena.</summary>
    public void Dispose() => _executor.Dispose();
}
