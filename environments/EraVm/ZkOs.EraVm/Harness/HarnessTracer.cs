// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;

namespace ZkOs.EraVm.Harness;

/// <summary>
/// Watches the harness directives as execution passes them: a <c>revert("...")</c> reached fails the test,
/// a storage-refund directive sets the world's refund for the storage accesses that follow.
/// </summary>
internal struct HarnessTracer : IEraVmTracer
{
    public static bool IsActive => true;

    public static void BeforeInstruction(EraVmMachine vm)
    {
        var state = (HarnessTraceState)vm.TraceState!;
        var frame = vm.Current;
        if (!state.Programs.TryGetValue(frame.Program, out var program))
        {
            return;
        }
        if (state.RevertReached is null && program.Reverts.TryGetValue(frame.Pc, out var message))
        {
            state.RevertReached = message;
        }
        foreach (var (pc, refund) in program.StorageRefunds)
        {
            if (pc == frame.Pc)
            {
                state.World.RefundOverride = refund;
            }
        }
    }
}
