// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Numerics;
using static ZkOs.Framework.Tests.Numerics.UInt256Oracle;

namespace ZkOs.Framework.Tests.Numerics;

/// <summary>Every operation against a BigInteger model, 3000 generated cases each.</summary>
public class UInt256PropertyTests
{
    private const int _casesPerOperation = 3000;

    public delegate void UnaryOperation(in UInt256 a, out UInt256 result);

    public delegate void BinaryOperation(in UInt256 a, in UInt256 b, out UInt256 result);

    public delegate void TernaryOperation(in UInt256 a, in UInt256 b, in UInt256 m, out UInt256 result);

    private static readonly Dictionary<string, (BinaryOperation Operation, Func<BigInteger, BigInteger, BigInteger> Model, Arbitrary<(UInt256 A, UInt256 B)> Inputs)> _binary = new()
    {
        ["Add"] = (UInt256.Add, (a, b) => a + b, UInt256Generators.Pair),
        ["Subtract"] = (UInt256.Subtract, (a, b) => a - b, UInt256Generators.Pair),
        ["Multiply"] = (UInt256.Multiply, (a, b) => a * b, UInt256Generators.Pair),
        ["Divide"] = (UInt256.Divide, (a, b) => b.IsZero ? 0 : a / b, UInt256Generators.Pair),
        ["Modulo"] = (UInt256.Modulo, (a, b) => b.IsZero ? 0 : a % b, UInt256Generators.Pair),
        ["And"] = (UInt256.And, (a, b) => a & b, UInt256Generators.Pair),
        ["Or"] = (UInt256.Or, (a, b) => a | b, UInt256Generators.Pair),
        ["Xor"] = (UInt256.Xor, (a, b) => a ^ b, UInt256Generators.Pair),
        ["Exp"] = (UInt256.Exp, (a, b) => BigInteger.ModPow(a, b, Modulus), UInt256Generators.Pair),
        ["SignedDivide"] = (UInt256.SignedDivide, SignedDivideModel, UInt256Generators.Pair),
        ["SignedModulo"] = (UInt256.SignedModulo, SignedModuloModel, UInt256Generators.Pair),
        ["ShiftLeft"] = (UInt256.ShiftLeft, (a, s) => s >= 256 ? 0 : a << (int)s, UInt256Generators.ValueAndShift),
        ["ShiftRight"] = (UInt256.ShiftRight, (a, s) => s >= 256 ? 0 : a >> (int)s, UInt256Generators.ValueAndShift),
        ["ShiftRightArithmetic"] = (UInt256.ShiftRightArithmetic, ShiftRightArithmeticModel, UInt256Generators.ValueAndShift),
        ["Byte"] = (UInt256.Byte, (i, x) => i >= 32 ? 0 : (x >> (8 * (31 - (int)i))) & 0xFF, UInt256Generators.IndexAndValue),
        ["SignExtend"] = (UInt256.SignExtend, SignExtendModel, UInt256Generators.IndexAndValue),
    };

    private static readonly Dictionary<string, (TernaryOperation Operation, Func<BigInteger, BigInteger, BigInteger, BigInteger> Model)> _ternary = new()
    {
        ["AddMod"] = (UInt256.AddMod, (a, b, m) => m.IsZero ? 0 : (a + b) % m),
        ["MulMod"] = (UInt256.MulMod, (a, b, m) => m.IsZero ? 0 : a * b % m),
    };

    private static readonly Dictionary<string, (UnaryOperation Operation, Func<BigInteger, BigInteger> Model)> _unary = new()
    {
        ["Negate"] = (UInt256.Negate, a => -a),
        ["Not"] = (UInt256.Not, a => Modulus - 1 - a),
    };

    private static readonly Dictionary<string, (Func<UInt256, UInt256, bool> Predicate, Func<BigInteger, BigInteger, bool> Model)> _comparisons = new()
    {
        ["LessThan"] = ((a, b) => UInt256.LessThan(in a, in b), (a, b) => a < b),
        ["GreaterThan"] = ((a, b) => UInt256.GreaterThan(in a, in b), (a, b) => a > b),
        ["SignedLessThan"] = ((a, b) => UInt256.SignedLessThan(in a, in b), (a, b) => Signed(a) < Signed(b)),
        ["SignedGreaterThan"] = ((a, b) => UInt256.SignedGreaterThan(in a, in b), (a, b) => Signed(a) > Signed(b)),
        ["Equality"] = ((a, b) => a == b && a.Equals(b) && a.Equals((object)b) && !(a != b), (a, b) => a == b),
        ["CompareIsNegative"] = ((a, b) => a.CompareTo(b) < 0 && UInt256.Compare(in a, in b) < 0, (a, b) => a < b),
        ["CompareIsZero"] = ((a, b) => a.CompareTo(b) == 0 && UInt256.Compare(in a, in b) == 0, (a, b) => a == b),
        ["CompareIsPositive"] = ((a, b) => a.CompareTo(b) > 0 && UInt256.Compare(in a, in b) > 0, (a, b) => a > b),
    };

    private static readonly Dictionary<string, (Func<UInt256, long> Measure, Func<BigInteger, long> Model)> _measures = new()
    {
        ["IsZero"] = (a => UInt256.IsZero(in a) ? 1 : 0, a => a.IsZero ? 1 : 0),
        ["IsNegative"] = (a => UInt256.IsNegative(in a) ? 1 : 0, a => a >= HalfModulus ? 1 : 0),
        ["FitsInUlong"] = (a => UInt256.FitsInUlong(in a) ? 1 : 0, a => a <= ulong.MaxValue ? 1 : 0),
        ["BitLength"] = (a => UInt256.BitLength(in a), a => (long)a.GetBitLength()),
        ["ByteLength"] = (a => UInt256.ByteLength(in a), a => ((long)a.GetBitLength() + 7) / 8),
        ["LeadingZeroCount"] = (a => UInt256.LeadingZeroCount(in a), a => 256 - (long)a.GetBitLength()),
    };

    public static TheoryData<string> BinaryOperations => new(_binary.Keys);

    public static TheoryData<string> TernaryOperations => new(_ternary.Keys);

    public static TheoryData<string> UnaryOperations => new(_unary.Keys);

    public static TheoryData<string> Comparisons => new(_comparisons.Keys);

    public static TheoryData<string> Measures => new(_measures.Keys);

    [Theory]
    [MemberData(nameof(BinaryOperations))]
    public void BinaryOperation_GeneratedOperands_MatchesBigIntegerModel(string name)
    {
        (BinaryOperation operation, Func<BigInteger, BigInteger, BigInteger> model, Arbitrary<(UInt256 A, UInt256 B)> inputs) = _binary[name];
        Holds(inputs, p =>
        {
            operation(in p.A, in p.B, out UInt256 actual);
            return actual == FromBig(model(ToBig(p.A), ToBig(p.B)));
        });
    }

    [Theory]
    [MemberData(nameof(BinaryOperations))]
    public void BinaryOperation_ResultAliasesAnOperand_MatchesSeparateResult(string name)
    {
        (BinaryOperation operation, _, Arbitrary<(UInt256 A, UInt256 B)> inputs) = _binary[name];
        Holds(inputs, p =>
        {
            operation(in p.A, in p.B, out UInt256 expected);
            UInt256 first = p.A;
            operation(in first, in p.B, out first);
            UInt256 second = p.B;
            operation(in p.A, in second, out second);
            UInt256 both = p.A;
            operation(in both, in both, out both);
            operation(in p.A, in p.A, out UInt256 bothExpected);
            return first == expected && second == expected && both == bothExpected;
        });
    }

    [Theory]
    [MemberData(nameof(TernaryOperations))]
    public void TernaryOperation_GeneratedOperands_MatchesBigIntegerModel(string name)
    {
        (TernaryOperation operation, Func<BigInteger, BigInteger, BigInteger, BigInteger> model) = _ternary[name];
        Holds(UInt256Generators.Triple, t =>
        {
            operation(in t.A, in t.B, in t.M, out UInt256 actual);
            UInt256 aliased = t.M;
            operation(in t.A, in t.B, in aliased, out aliased);
            return actual == FromBig(model(ToBig(t.A), ToBig(t.B), ToBig(t.M))) && aliased == actual;
        });
    }

    [Theory]
    [MemberData(nameof(TernaryOperations))]
    public void TernaryOperation_ModulusAboveOperands_MatchesBigIntegerModel(string name)
    {
        // Field arithmetic keeps its operands reduced; AddMod has a fast path for exactly that case.
        (TernaryOperation operation, Func<BigInteger, BigInteger, BigInteger, BigInteger> model) = _ternary[name];
        Holds(UInt256Generators.Triple, t =>
        {
            UInt256 m = t.M;
            if (UInt256.IsZero(in m))
            {
                return true;
            }

            UInt256 a = FromBig(ToBig(t.A) % ToBig(m));
            UInt256 b = FromBig(ToBig(t.B) % ToBig(m));
            operation(in a, in b, in m, out UInt256 actual);
            return actual == FromBig(model(ToBig(a), ToBig(b), ToBig(m)));
        });
    }

    [Theory]
    [MemberData(nameof(UnaryOperations))]
    public void UnaryOperation_GeneratedOperand_MatchesBigIntegerModel(string name)
    {
        (UnaryOperation operation, Func<BigInteger, BigInteger> model) = _unary[name];
        Holds(UInt256Generators.Single, a =>
        {
            operation(in a, out UInt256 actual);
            return actual == FromBig(model(ToBig(a)));
        });
    }

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Comparison_GeneratedOperands_MatchesBigIntegerModel(string name)
    {
        (Func<UInt256, UInt256, bool> predicate, Func<BigInteger, BigInteger, bool> model) = _comparisons[name];
        Holds(UInt256Generators.Pair, p =>
            predicate(p.A, p.B) == model(ToBig(p.A), ToBig(p.B))
            && predicate(p.A, p.A) == model(ToBig(p.A), ToBig(p.A)));
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void Measure_GeneratedOperand_MatchesBigIntegerModel(string name)
    {
        (Func<UInt256, long> measure, Func<BigInteger, long> model) = _measures[name];
        Holds(UInt256Generators.Single, a => measure(a) == model(ToBig(a)));
    }

    [Fact]
    public void DivRem_GeneratedOperands_MatchesBigIntegerModel() =>
        Holds(UInt256Generators.Pair, p =>
        {
            UInt256.DivRem(in p.A, in p.B, out UInt256 quotient, out UInt256 remainder);
            BigInteger a = ToBig(p.A), b = ToBig(p.B);
            return b.IsZero
                ? UInt256.IsZero(in quotient) && UInt256.IsZero(in remainder)
                : quotient == FromBig(a / b) && remainder == FromBig(a % b);
        });

    [Fact]
    public void MultiplyFull_GeneratedOperands_MatchesBigIntegerModel() =>
        Holds(UInt256Generators.Pair, p =>
        {
            UInt256.MultiplyFull(in p.A, in p.B, out UInt256 low, out UInt256 high);
            BigInteger product = ToBig(p.A) * ToBig(p.B);
            return low == FromBig(product) && high == FromBig(product >> 256);
        });

    [Fact]
    public void IntShifts_GeneratedOperands_MatchesBigIntegerModel() =>
        Holds(UInt256Generators.ValueAndIntShift, p =>
        {
            BigInteger a = ToBig(p.Value);
            bool outOfRange = p.Shift < 0 || p.Shift >= 256;
            UInt256.ShiftLeft(in p.Value, p.Shift, out UInt256 left);
            UInt256.ShiftRight(in p.Value, p.Shift, out UInt256 right);
            UInt256.ShiftRightArithmetic(in p.Value, p.Shift, out UInt256 arithmetic);
            BigInteger signed = ToSigned(p.Value);
            return left == FromBig(outOfRange ? 0 : a << p.Shift)
                && right == FromBig(outOfRange ? 0 : a >> p.Shift)
                && arithmetic == FromBig(outOfRange ? (signed.Sign < 0 ? -1 : 0) : signed >> p.Shift)
                && (p.Value << p.Shift) == left
                && (p.Value >> p.Shift) == right;
        });

    [Fact]
    public void Operators_GeneratedOperands_AgreeWithStaticMethods() =>
        Holds(UInt256Generators.Pair, p =>
        {
            UInt256 a = p.A, b = p.B;
            UInt256.Add(in a, in b, out UInt256 sum);
            UInt256.Subtract(in a, in b, out UInt256 difference);
            UInt256.Multiply(in a, in b, out UInt256 product);
            UInt256.DivRem(in a, in b, out UInt256 quotient, out UInt256 remainder);
            UInt256.And(in a, in b, out UInt256 and);
            UInt256.Or(in a, in b, out UInt256 or);
            UInt256.Xor(in a, in b, out UInt256 xor);
            UInt256.Not(in a, out UInt256 not);
            UInt256.Negate(in a, out UInt256 negated);
            bool less = UInt256.LessThan(in a, in b);
            bool greater = UInt256.GreaterThan(in a, in b);
            return a + b == sum && a - b == difference && a * b == product && a / b == quotient && a % b == remainder
                && (a & b) == and && (a | b) == or && (a ^ b) == xor && ~a == not && -a == negated
                && (a < b) == less && (a > b) == greater && (a <= b) == !greater && (a >= b) == !less;
        });

    [Fact]
    public void BigIntegerConversions_GeneratedValue_RoundTripAndReduce() =>
        Holds(UInt256Generators.Pair, p =>
        {
            BigInteger big = ToBig(p.A);
            BigInteger wide = (ToBig(p.B) << 256) + big;
            return p.A.ToBigInteger() == big
                && UInt256.FromBigInteger(big) == p.A
                && UInt256.FromBigInteger(wide) == p.A
                && UInt256.FromBigInteger(-big) == FromBig(-big)
                && UInt256.FromBigInteger(-wide) == FromBig(-wide);
        });

    [Fact]
    public void ByteConversions_GeneratedValue_MatchBigIntegerBytes() =>
        Holds(UInt256Generators.Single, a =>
        {
            byte[] expectedBigEndian = new byte[32];
            byte[] minimal = ToBig(a).ToByteArray(isUnsigned: true, isBigEndian: true);
            if (!UInt256.IsZero(in a))
            {
                minimal.CopyTo(expectedBigEndian, 32 - minimal.Length);
            }

            byte[] bigEndian = new byte[32];
            a.WriteBigEndian(bigEndian);
            byte[] littleEndian = new byte[32];
            a.WriteLittleEndian(littleEndian);
            byte[] expectedLittleEndian = expectedBigEndian.Reverse().ToArray();

            int significant = UInt256.ByteLength(in a);
            return bigEndian.AsSpan().SequenceEqual(expectedBigEndian)
                && littleEndian.AsSpan().SequenceEqual(expectedLittleEndian)
                && UInt256.ReadBigEndian(bigEndian) == a
                && UInt256.ReadBigEndian(bigEndian.AsSpan(32 - significant)) == a
                && UInt256.ReadLittleEndian(littleEndian) == a
                && UInt256.ReadLittleEndian(littleEndian.AsSpan(0, significant)) == a;
        });

    [Fact]
    public void UlongConversions_GeneratedValue_MatchBigIntegerModel() =>
        Holds(UInt256Generators.Single, a =>
        {
            BigInteger big = ToBig(a);
            bool fits = big <= ulong.MaxValue;
            bool reported = a.TryGetUlong(out ulong value);
            return reported == fits
                && (!fits || value == (ulong)big)
                && (ulong)a == (ulong)(big & ulong.MaxValue)
                && (UInt128)a == (UInt128)(big & UInt128.MaxValue)
                && a.ToUlongSaturated() == (fits ? (ulong)big : ulong.MaxValue);
        });

    [Fact]
    public void Formatting_GeneratedValue_MatchesBigIntegerAndRoundTrips() =>
        Holds(UInt256Generators.Single, a =>
        {
            BigInteger big = ToBig(a);
            string hex = big.IsZero ? "0" : big.ToString("x").TrimStart('0');
            string text = a.ToString();
            return text == big.ToString()
                && a.ToString("x") == hex
                && a.ToString("X") == hex.ToUpperInvariant()
                && a.ToHexString() == "0x" + hex
                && UInt256.Parse(text) == a
                && UInt256.Parse(a.ToHexString()) == a
                && UInt256.Parse("0X" + a.ToString("X").PadLeft(64, '0')) == a;
        });

    [Fact]
    public void GetHashCode_EqualValuesBuiltSeparately_AreEqual() =>
        Holds(UInt256Generators.Single, a =>
        {
            UInt256 copy = new(a.U0, a.U1, a.U2, a.U3);
            return copy.GetHashCode() == a.GetHashCode();
        });

    private static void Holds<T>(Arbitrary<T> inputs, Func<T, bool> property) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(_casesPerOperation).WithQuietOnSuccess(true), Prop.ForAll(inputs, property));

    private static BigInteger Signed(BigInteger unsigned) => unsigned >= HalfModulus ? unsigned - Modulus : unsigned;

    private static BigInteger SignedDivideModel(BigInteger a, BigInteger b) =>
        b.IsZero ? 0 : BigInteger.Divide(Signed(a), Signed(b));

    private static BigInteger SignedModuloModel(BigInteger a, BigInteger b) =>
        b.IsZero ? 0 : BigInteger.Remainder(Signed(a), Signed(b));

    private static BigInteger ShiftRightArithmeticModel(BigInteger a, BigInteger shift)
    {
        BigInteger signed = Signed(a);
        return shift >= 256 ? (signed.Sign < 0 ? -1 : 0) : signed >> (int)shift;
    }

    private static BigInteger SignExtendModel(BigInteger index, BigInteger x)
    {
        if (index >= 31)
        {
            return x;
        }

        int signBit = 8 * (int)index + 7;
        BigInteger low = (BigInteger.One << (signBit + 1)) - 1;
        return ((x >> signBit) & 1).IsZero ? x & low : x | (Modulus - 1 - low);
    }
}
