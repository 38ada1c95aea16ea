// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Numerics;

public readonly partial struct UInt256 : IEquatable<UInt256>
{
    // Limb-wise rather than one 256-bit vector compare: values on the interpreter stack are written as
    // four 8-byte stores, which a 32-byte load cannot forward from (performance.md, rule 5).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AreEqual(in UInt256 a, in UInt256 b) =>
        ((a.U0 ^ b.U0) | (a.U1 ^ b.U1) | (a.U2 ^ b.U2) | (a.U3 ^ b.U3)) == 0;

    public bool Equals(UInt256 other) => AreEqual(in this, in other);

    public override bool Equals(object? obj) => obj is UInt256 other && AreEqual(in this, in other);

    public override int GetHashCode() => HashCode.Combine(U0, U1, U2, U3);

    public static bool operator ==(in UInt256 a, in UInt256 b) => AreEqual(in a, in b);

    public static bool operator !=(in UInt256 a, in UInt256 b) => !AreEqual(in a, in b);
}
