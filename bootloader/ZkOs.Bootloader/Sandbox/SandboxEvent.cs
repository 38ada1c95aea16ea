// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Sandbox;

/// <summary>An event a sandboxed frame emitted.</summary>
public sealed record SandboxEvent(Address Address, UInt256[] Topics, byte[] Data);
