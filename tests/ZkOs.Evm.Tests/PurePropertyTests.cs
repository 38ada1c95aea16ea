// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Evm.Tests.Infrastructure;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests;

/// <summary>
/// Every arithmetic, comparison and bitwise opcode against the Yellow Paper's definitions
/// (<see cref="Oracle"/>), through the real dispatch loop: operands pushed with PUSH32 in the EVM's
/// order, the result read from the stack, and the exact gas and native of the whole program checked.
/// </summary>
public sealed class PurePropertyTests
{
    private const int CasesPerOpcode = 150;
    private const long Push32Native = 20 + 290;
    private const long StopNative = 20;

    public static TheoryData<string> UnaryOps => [.. Unary.Keys];

    public static TheoryData<string> BinaryOps => [.. Binary.Keys];

    public static TheoryData<string> TernaryOps => [.. Ternary.Keys];

    private static readonly Dictionary<string, (byte Opcode, long Gas, long Native, Func<BigInteger, BigInteger> F)> Unary = new()
    {
        ["ISZERO"] = (0x15, 3, 50, Oracle.IsZero),
        ["NOT"] = (0x19, 3, 60, Oracle.Not),
    };

    private static readonly Dictionary<string, (byte Opcode, long Gas, long Native, Func<BigInteger, BigInteger, BigInteger> F, bool SmallTop)> Binary = new()
    {
        ["ADD"] = (0x01, 3, 40, Oracle.Add, false),
        ["MUL"] = (0x02, 5, 40, Oracle.Mul, false),
        ["SUB"] = (0x03, 3, 40, Oracle.Sub, false),
        ["DIV"] = (0x04, 5, 270, Oracle.Div, false),
        ["SDIV"] = (0x05, 5, 580, Oracle.SDiv, false),
        ["MOD"] = (0x06, 5, 220, Oracle.Mod, false),
        ["SMOD"] = (0x07, 5, 300, Oracle.SMod, false),
        ["SIGNEXTEND"] = (0x0b, 5, 250, Oracle.SignExtend, true),
        ["LT"] = (0x10, 3, 80, Oracle.Lt, false),
        ["GT"] = (0x11, 3, 80, Oracle.Gt, false),
        ["SLT"] = (0x12, 3, 80, Oracle.SLt, false),
        ["SGT"] = (0x13, 3, 80, Oracle.SGt, false),
        ["EQ"] = (0x14, 3, 60, Oracle.Eq, false),
        ["AND"] = (0x16, 3, 70, Oracle.And, false),
        ["OR"] = (0x17, 3, 70, Oracle.Or, false),
        ["XOR"] = (0x18, 3, 70, Oracle.Xor, false),
        ["BYTE"] = (0x1a, 3, 70, Oracle.Byte, true),
        ["SHL"] = (0x1b, 3, 150, Oracle.Shl, true),
        ["SHR"] = (0x1c, 3, 150, Oracle.Shr, true),
        ["SAR"] = (0x1d, 3, 270, Oracle.Sar, true),
    };

    private static readonly Dictionary<string, (byte Opcode, long Gas, long Native, Func<BigInteger, BigInteger, BigInteger, BigInteger> F)> Ternary = new()
    {
        ["ADDMOD"] = (0x08, 8, 780, Oracle.AddMod),
        ["MULMOD"] = (0x09, 8, 470, Oracle.MulMod),
    };

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void Unary_opcode_matches_the_oracle(string name)
    {
        var (opcode, gas, native, f) = Unary[name];
        Check(Arb.From(WordGenerators.Word), a =>
        {
            using var run = EvmMachine.Run(new Bytecode().Push(32, a).Op(opcode).Stop());
            run.AssertHalted();
            Assert.Equal(1, run.Depth);
            Assert.Equal(Words.FromBig(f(Words.ToBig(a))), run.Top);
            Assert.Equal(3 + gas, run.GasUsed);
            Assert.Equal(Push32Native + 20 + native + StopNative, run.NativeUsed);
        });
    }

    [Theory]
    [MemberData(nameof(BinaryOps))]
    public void Binary_opcode_matches_the_oracle(string name)
    {
        var (opcode, gas, native, f, smallTop) = Binary[name];
        var top = smallTop ? WordGenerators.SmallOrAny : WordGenerators.Word;
        Check(Arb.From(Gen.Zip(top, WordGenerators.Word, (a, b) => (a, b))), operands =>
        {
            var (a, b) = operands;
            using var run = EvmMachine.Run(new Bytecode().Push(32, b).Push(32, a).Op(opcode).Stop());
            run.AssertHalted();
            Assert.Equal(1, run.Depth);
            Assert.Equal(Words.FromBig(f(Words.ToBig(a), Words.ToBig(b))), run.Top);
            Assert.Equal(6 + gas, run.GasUsed);
            Assert.Equal(2 * Push32Native + 20 + native + StopNative, run.NativeUsed);
        });
    }

    [Theory]
    [MemberData(nameof(TernaryOps))]
    public void Ternary_opcode_matches_the_oracle(string name)
    {
        var (opcode, gas, native, f) = Ternary[name];
        var operands = Gen.Zip(Gen.Zip(WordGenerators.Word, WordGenerators.Word, (a, b) => (a, b)), WordGenerators.Word, (ab, n) => (ab.a, ab.b, n));
        Check(Arb.From(operands), o =>
        {
            var (a, b, n) = o;
            using var run = EvmMachine.Run(new Bytecode().Push(32, n).Push(32, b).Push(32, a).Op(opcode).Stop());
            run.AssertHalted();
            Assert.Equal(Words.FromBig(f(Words.ToBig(a), Words.ToBig(b), Words.ToBig(n))), run.Top);
            Assert.Equal(9 + gas, run.GasUsed);
            Assert.Equal(3 * Push32Native + 20 + native + StopNative, run.NativeUsed);
        });
    }

    /// <summary>EXP pays 50 gas and 5000 native per byte of the exponent on top of its static 10 gas and 700 native.</summary>
    [Fact]
    public void Exp_matches_the_oracle_and_charges_per_exponent_byte()
    {
        Check(Arb.From(Gen.Zip(WordGenerators.Word, WordGenerators.SmallOrAny, (a, b) => (a, b))), operands =>
        {
            var (a, b) = operands;
            using var run = EvmMachine.Run(new Bytecode().Push(32, b).Push(32, a).Exp().Stop());
            run.AssertHalted();
            Assert.Equal(Words.FromBig(Oracle.Exp(Words.ToBig(a), Words.ToBig(b))), run.Top);
            var bytes = (Words.ToBig(b).GetBitLength() + 7) / 8;
            Assert.Equal(6 + 10 + 50 * bytes, run.GasUsed);
            Assert.Equal(2 * Push32Native + 20 + 700 + 5000 * bytes + StopNative, run.NativeUsed);
        });
    }

    [Theory]
    [InlineData("0x", 0)]
    [InlineData("0xff", 1)]
    [InlineData("0x100", 2)]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 32)]
    public void Exp_gas_counts_the_exponent_bytes(string exponent, int bytes)
    {
        using var run = EvmMachine.Run(new Bytecode().Push(32, Words.Parse(exponent)).Push(3).Exp().Stop());
        run.AssertHalted();
        Assert.Equal(3 + 3 + 10 + 50 * bytes, run.GasUsed);
    }

    [Fact]
    public void Exp_out_of_gas_for_the_exponent_bytes_faults()
    {
        // 16 gas reaches EXP with 10 left for its static part and nothing for the exponent's byte.
        using var run = EvmMachine.Run(new Bytecode().Push(2).Push(2).Exp().Stop(), gas: 16 + 49);
        run.AssertFaulted(ExecutionError.OutOfErgs);
        Assert.Equal(0, run.ErgsLeft);
    }

    [Theory]
    [InlineData("0x8000000000000000000000000000000000000000000000000000000000000000", "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "0x8000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x0a", "0x00", "0x00")]
    [InlineData("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff9", "0x02", "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd")]
    public void SDiv_edge_cases(string a, string b, string expected)
    {
        using var run = EvmMachine.Run(new Bytecode().Push(32, Words.Parse(b)).Push(32, Words.Parse(a)).Op(0x05).Stop());
        Assert.Equal(Words.Parse(expected), run.AssertHalted().Top);
    }

    [Fact]
    public void Sub_is_top_minus_second()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(3).Push(10).Sub().Stop());
        Assert.Equal(new UInt256(7), run.AssertHalted().Top);
    }

    private static void Check<T>(Arbitrary<T> arbitrary, Action<T> property) =>
        FsCheck.Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(CasesPerOpcode).WithQuietOnSuccess(true),
            Prop.ForAll(arbitrary, property));
}
