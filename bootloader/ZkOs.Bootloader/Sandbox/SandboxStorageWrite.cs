// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Sandbox;

/// <summary>A storage write a sandboxed frame made.</summary>
public readonly record struct SandboxStorageWrite(Address Address, UInt256 Key, UInt256 Value, bool Transient);
