// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Machine;

/// <summary>The code pages of <c>log.decommit</c>.</summary>
public sealed partial class EraVmMachine
{
    /// <summary>Copies decommitted code onto a fresh page and points at it (length = the kernel stipend, as vm2 does).</summary>
    internal FatPointer MaterializeCode(DecodedProgram program)
    {
        var page = AllocatePageGroup();
        Page(page).Fill(program.Bytecode);
        return new FatPointer(0, page, 0, KernelHeapStipend);
    }
}
