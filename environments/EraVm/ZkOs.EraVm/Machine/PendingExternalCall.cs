// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// A far call the host must perform because the callee is not run by this machine (an account of
/// another EE, in the ZKsync OS runner). The machine has already charged the call and set aside
/// <see cref="Ergs"/> for the callee; <see cref="EraVmMachine.CompleteExternalCall"/> resumes it.
/// <see cref="Calldata"/> stays valid until then.
/// </summary>
public readonly record struct PendingExternalCall(
    Address Requester,
    Address Callee,
    Address RequestersCaller,
    Address MimicCaller,
    ExternalCallKind Kind,
    bool IsStatic,
    bool IsSystem,
    UInt256 ContextU128,
    ReadOnlyMemory<byte> Calldata,
    uint Ergs);
