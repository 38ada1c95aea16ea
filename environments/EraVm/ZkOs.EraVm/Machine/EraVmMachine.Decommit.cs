// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Machine;

/// <summary>The code pages of <c>log.decommit</c>.</summary>
public sealed partial class EraVmMachine
{
    /// <summary>The page each code hash was decommitted onto by <c>log.decommit</c> in this run.</summary>
    private readonly Dictionary<UInt256, uint> _decommitPages = new();

    /// <summary>
    /// Where <c>log.decommit</c> finds a code's bytes, as zk_evm does (vm2's divergence regressions): the
    /// first time, the code is written over the start of the current frame's heap (bytes after it stay)
    /// and that page is remembered; later decommits of the same hash return the same page, even after
    /// that frame returned. The pointer's length is the kernel heap stipend, as in vm2.
    /// </summary>
    internal FatPointer MaterializeCode(in UInt256 hash, DecodedProgram program)
    {
        if (!_decommitPages.TryGetValue(hash, out var page))
        {
            page = Current.HeapPage;
            Page(page).Write(0, program.Bytecode);
            _decommitPages[hash] = page;
        }
        return new FatPointer(0, page, 0, KernelHeapStipend);
    }
}
