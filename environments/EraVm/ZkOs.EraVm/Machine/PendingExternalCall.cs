// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// A far call the host must perform because the callee is not run by this machine (an account of
/// another EE, in the ZKsync OS runner). The machine has already charged the call and reserved
/// <see cref="Ergs"/> for the callee; <see cref="EraVmMachine.CompleteExternalCall"/> resumes it.
/// </summary>
public readonly record struct PendingExternalCall(
    Address Caller,
    Address Callee,
    Address CallersCaller,
    ExternalCallKind Kind,
    bool IsStatic,
    bool IsSystem,
    UInt256 Value,
    ReadOnlyMemory<byte> Calldata,
    uint Ergs);
