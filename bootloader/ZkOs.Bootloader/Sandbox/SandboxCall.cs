// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Sandbox;

/// <summary>A call the sandboxed frame requested, and the ergs its EE's forwarding rule passed on.</summary>
public sealed record SandboxCall(Address Callee, CallModifier Modifier, UInt256 Value, byte[] Calldata, ulong ErgsRequested, ulong ErgsPassed);
