// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Execution;

namespace ZkOs.System.Io;

/// <summary>Turning an IO price into a charge on the caller's resources, by the caller's EE.</summary>
public sealed partial class IoSubsystem
{
    /// <summary>
    /// Charges <paramref name="gas"/> to EVM frames (as ergs) and <paramref name="native"/> to everyone.
    /// Other EEs price IO in their own handlers; the bootloader (EE 0) pays native only.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static SystemStatus Charge(byte ee, ref Resources resources, ulong gas, ulong native)
    {
        var ergs = ee == EeType.Evm ? gas * Resources.ErgsPerGas : 0;
        return resources.Charge(ergs, native) switch
        {
            ResourceStatus.Ok => SystemStatus.Ok,
            ResourceStatus.OutOfNative => SystemStatus.OutOfNative,
            _ => SystemStatus.OutOfErgs,
        };
    }
}
