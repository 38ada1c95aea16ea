// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;
using ZkOs.System.Io;

namespace ZkOs.System.ZkSync.Hooks;

/// <summary>
/// A system contract implemented by the system itself at a kernel-space address (reference §4.8): a call
/// to it runs this code instead of any bytecode. The value the call carried is already at the hook's
/// address when it runs.
/// </summary>
public interface ISystemHook
{
    /// <summary>The hook's address (below 0x10000).</summary>
    ushort Address { get; }

    string Name { get; }

    /// <param name="callerEe">The calling frame's EE: events and messages are priced by its rules.</param>
    /// <returns>False to revert the call (its changes are rolled back, unused resources return).</returns>
    bool Execute(in CallRequest request, byte callerEe, IoSubsystem io, ref Resources resources, IBufferWriter<byte> output);
}
