// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.Framework.Tests.Numerics;

public class UInt256AllocationTests
{
    [Fact]
    public void ArithmeticOperations_WarmLoop_AllocateNothing()
    {
        UInt256[] values =
        [
            UInt256.MaxValue,
            new(0x0123456789ABCDEF, 0xFEDCBA9876543210, 0x0F1E2D3C4B5A6978, 0x8796A5B4C3D2E1F0),
            new(0xFFFF_FFFF_FFFF_FFC5),
            new(3, 0x8000_0000_0000_0000),
            new(7, 9, 0x1234),
        ];

        // The first pass JIT-compiles (and may tier up) every path; only the second is measured.
        ulong sink = Exercise(values);
        long before = GC.GetAllocatedBytesForCurrentThread();
        sink += Exercise(values);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
        Assert.NotEqual(0UL, sink | 1);
    }

    private static ulong Exercise(UInt256[] values)
    {
        ulong sink = 0;
        for (int round = 0; round < 200; round++)
        {
            foreach (UInt256 a in values)
            {
                foreach (UInt256 b in values)
                {
                    UInt256.Add(in a, in b, out UInt256 r);
                    sink ^= r.U0;
                    UInt256.Subtract(in a, in b, out r);
                    sink ^= r.U1;
                    UInt256.Multiply(in a, in b, out r);
                    sink ^= r.U2;
                    UInt256.MultiplyFull(in a, in b, out r, out UInt256 high);
                    sink ^= r.U3 ^ high.U0;
                    UInt256.DivRem(in a, in b, out r, out UInt256 remainder);
                    sink ^= r.U0 ^ remainder.U0;
                    UInt256.SignedDivide(in a, in b, out r);
                    sink ^= r.U0;
                    UInt256.SignedModulo(in a, in b, out r);
                    sink ^= r.U0;
                    UInt256.AddMod(in a, in b, in a, out r);
                    sink ^= r.U0;
                    UInt256.AddMod(in a, in a, in b, out r);
                    sink ^= r.U0;
                    UInt256.MulMod(in a, in b, in a, out r);
                    sink ^= r.U0;
                    UInt256.MulMod(in a, in a, in b, out r);
                    sink ^= r.U0;
                    UInt256.Exp(in a, in b, out r);
                    sink ^= r.U0;
                    UInt256.ShiftLeft(in a, in b, out r);
                    sink ^= r.U3;
                    UInt256.ShiftRight(in a, (int)(b.U0 & 255), out r);
                    sink ^= r.U0;
                    UInt256.ShiftRightArithmetic(in a, (int)(b.U0 & 255), out r);
                    sink ^= r.U0;
                    UInt256.SignExtend(in b, in a, out r);
                    sink ^= r.U3;
                    UInt256.Byte(in b, in a, out r);
                    sink ^= r.U0;
                    UInt256.Negate(in a, out r);
                    sink ^= r.U0;
                    sink += UInt256.LessThan(in a, in b) ? 1UL : 0UL;
                    sink += UInt256.SignedGreaterThan(in a, in b) ? 1UL : 0UL;
                    sink += (ulong)UInt256.ByteLength(in a);
                    sink += a == b ? 1UL : 0UL;
                    sink += (ulong)a.GetHashCode();
                    sink ^= (a / b + a % b - a * b).U0;
                }
            }
        }

        return sink;
    }
}
