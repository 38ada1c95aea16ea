// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOs.Evm;

/// <summary>
/// A frame's memory: a native buffer that only grows while the frame runs. Unmanaged so that it sits
/// inside <see cref="EvmContext"/> and handlers reach it through the one context pointer. The buffer
/// outlives a frame activation (<see cref="EvmMemoryOps.Reset"/> keeps it), so a pooled frame stops
/// allocating once it has seen its largest memory. Every operation is in <see cref="EvmMemoryOps"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct EvmMemory
{
    /// <summary>The buffer; null until the first expansion.</summary>
    public byte* Data;

    /// <summary>The EVM-visible size in bytes (MSIZE): always a multiple of 32, and every byte below it is initialised.</summary>
    public ulong Size;

    /// <summary>Bytes allocated at <see cref="Data"/>; those between <see cref="Size"/> and here may hold stale data.</summary>
    public ulong Capacity;
}
