// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// How the root frame starts (eravm.md §3, §6 "Harness model"). <c>HeapBound</c>, when set, is both
/// heap bounds (the bootloader gets u32::MAX); otherwise the kernel or user stipend applies.
/// <c>CodeAddress</c> differs from <c>This</c> under a delegate call. <c>ExtraAbi</c> holds the extra
/// ABI words of a system call, loaded into r3..r12 (at most ten).
/// </summary>
public readonly record struct RootLaunch(
    Address This,
    Address Caller,
    DecodedProgram Program,
    ReadOnlyMemory<byte> Calldata,
    uint Ergs,
    bool IsStatic = false,
    UInt256 ContextU128 = default,
    uint CallFlags = 0,
    uint? HeapBound = null,
    Address? CodeAddress = null,
    ReadOnlyMemory<UInt256> ExtraAbi = default);
