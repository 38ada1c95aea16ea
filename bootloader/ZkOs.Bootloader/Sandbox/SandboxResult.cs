// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;

namespace ZkOs.Bootloader.Sandbox;

/// <summary>What one sandboxed frame did.</summary>
public sealed record SandboxResult(
    FrameCompletion Completion,
    Resources Launched,
    byte[] ReturnData,
    IReadOnlyList<SandboxCall> Calls,
    int DeploymentsRefused,
    IReadOnlyList<SandboxEvent> Events,
    IReadOnlyList<SandboxStorageWrite> StorageWrites)
{
    public ulong ErgsUsed => Launched.Ergs - Completion.ResourcesReturned.Ergs;

    public ulong NativeUsed => Launched.Native - Completion.ResourcesReturned.Native;
}
