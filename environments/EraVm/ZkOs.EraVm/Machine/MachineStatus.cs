// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Machine;

/// <summary>Where the machine stands after <see cref="EraVmMachine.Run"/> returns (or while it runs).</summary>
public enum MachineStatus : byte
{
    Running,

    /// <summary>The root frame returned with <c>ret.ok</c>.</summary>
    Returned,

    /// <summary>The root frame returned with <c>ret.revert</c>.</summary>
    Reverted,

    /// <summary>The root frame panicked: no return data.</summary>
    Panicked,

    /// <summary>A far call to an account the host runs elsewhere (another EE): see <see cref="EraVmMachine.PendingCall"/>.</summary>
    ExternalCall,

    /// <summary>The cycle limit given to <see cref="EraVmMachine.Run"/> was reached.</summary>
    CycleLimit,
}
