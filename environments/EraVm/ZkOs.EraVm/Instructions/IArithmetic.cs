// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions;

/// <summary>One arithmetic or bitwise operation with its flag rule (eravm.md §2 "Operation semantics").</summary>
public interface IArithmetic
{
    /// <summary>Mul and div write a second result to dst1.</summary>
    static abstract bool HasSecondOutput { get; }

    static abstract void Apply(in UInt256 a, in UInt256 b, out UInt256 result, out UInt256 second, out bool lt, out bool eq, out bool gt);
}
