// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;
using static ZkOs.System.Tests.Precompiles.Bn254.Bn254Reference;

namespace ZkOs.System.Tests.Precompiles.Bn254;

/// <summary>
/// The three BN254 precompiles through <see cref="IPrecompile"/>: the go-ethereum vectors, exact charges
/// (gas × 256 ergs and the native model of reference/zksync-os.md §4.8), invalid inputs, padding, and
/// random inputs.
/// </summary>
public class Bn254PrecompileTests
{
    private const string G1Hex = "0000000000000000000000000000000000000000000000000000000000000001" + "0000000000000000000000000000000000000000000000000000000000000002";
    private const string PHex = "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47";

    private static readonly string _g2Hex = EncodeG2(G2Generator);

    public static TheoryData<string, string, string, ulong> AddVectors => Bn254GethVectors.Add;

    public static TheoryData<string, string, string, ulong> MulVectors => Bn254GethVectors.ScalarMul;

    public static TheoryData<string, string, string, ulong> PairingVectors => Bn254GethVectors.Pairing;

    [Theory]
    [MemberData(nameof(AddVectors))]
    public void Add_GethVectors_Match(string name, string input, string expected, ulong gas)
    {
        var run = PrecompileRun.Execute(Bn254AddPrecompile.Instance, input);
        Assert.True(run.Status == PrecompileStatus.Success, name);
        Assert.Equal(expected, run.OutputHex);
        Assert.Equal(gas * Resources.ErgsPerGas, run.ErgsUsed);
        Assert.Equal(Bn254AddPrecompile.Native, run.NativeUsed);
    }

    [Theory]
    [MemberData(nameof(MulVectors))]
    public void Mul_GethVectors_Match(string name, string input, string expected, ulong gas)
    {
        var run = PrecompileRun.Execute(Bn254MulPrecompile.Instance, input);
        Assert.True(run.Status == PrecompileStatus.Success, name);
        Assert.Equal(expected, run.OutputHex);
        Assert.Equal(gas * Resources.ErgsPerGas, run.ErgsUsed);
        Assert.Equal(Bn254MulPrecompile.Native, run.NativeUsed);
    }

    [Theory]
    [MemberData(nameof(PairingVectors))]
    public void Pairing_GethVectors_Match(string name, string input, string expected, ulong gas)
    {
        var run = PrecompileRun.Execute(Bn254PairingPrecompile.Instance, input);
        Assert.True(run.Status == PrecompileStatus.Success, name);
        Assert.Equal(expected, run.OutputHex);
        Assert.Equal(gas * Resources.ErgsPerGas, run.ErgsUsed);
        Assert.Equal(15_000_000UL * (1 + ((ulong)input.Length / 384)), run.NativeUsed);
    }

    [Fact]
    public void Identity_AddressesAndNames()
    {
        Assert.Equal((ushort)0x06, Bn254AddPrecompile.Instance.Address);
        Assert.Equal((ushort)0x07, Bn254MulPrecompile.Instance.Address);
        Assert.Equal((ushort)0x08, Bn254PairingPrecompile.Instance.Address);
        Assert.Equal("bn254_ecadd", Bn254AddPrecompile.Instance.Name);
        Assert.Equal("bn254_ecmul", Bn254MulPrecompile.Instance.Name);
        Assert.Equal("bn254_pairing", Bn254PairingPrecompile.Instance.Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(191)]
    [InlineData(192)]
    [InlineData(193)]
    [InlineData(383)]
    [InlineData(384)]
    [InlineData(1000)]
    public void Pairing_Charge_IsForWholePairsEvenOnABadLength(int length)
    {
        // Zero bytes: every pair is (O, O), valid, contributing 1.
        var run = PrecompileRun.Execute(Bn254PairingPrecompile.Instance, new byte[length]);
        ulong pairs = (ulong)length / 192;
        Assert.Equal((45_000 + (34_000 * pairs)) * Resources.ErgsPerGas, run.ErgsUsed);
        Assert.Equal(15_000_000 * (1 + pairs), run.NativeUsed);
        Assert.Equal(length % 192 == 0 ? PrecompileStatus.Success : PrecompileStatus.InvalidInput, run.Status);
        if (length % 192 == 0)
            Assert.Equal(new string('0', 63) + "1", run.OutputHex);
        else
            Assert.Empty(run.Output);
    }

    [Fact]
    public void Charges_ExactlyEnough_SucceedAndOneErgShort_RunsOutOfErgs()
    {
        foreach (var (precompile, input, gas, native) in ChargeCases())
        {
            var exact = new Resources(gas * Resources.ErgsPerGas, native);
            var run = PrecompileRun.Execute(precompile, input, exact);
            Assert.Equal(PrecompileStatus.Success, run.Status);
            Assert.Equal(Resources.Empty, run.Left);

            run = PrecompileRun.Execute(precompile, input, new Resources((gas * Resources.ErgsPerGas) - 1, native + 7));
            Assert.Equal(PrecompileStatus.OutOfErgs, run.Status);
            Assert.Equal(new Resources(0, 7), run.Left);
            Assert.Empty(run.Output);

            run = PrecompileRun.Execute(precompile, input, new Resources((gas * Resources.ErgsPerGas) + 5, native - 1));
            Assert.Equal(PrecompileStatus.OutOfNative, run.Status);
            Assert.Equal(0UL, run.Left.Native);
            Assert.Empty(run.Output);
        }
    }

    [Theory]
    [InlineData("x")] // coordinate x = p
    [InlineData("y")] // coordinate y = p
    [InlineData("curve")] // (1, 3) is not on the curve
    [InlineData("max")] // 2^256 - 1
    public void AddAndMul_InvalidPoint_AreInvalidInput(string kind)
    {
        string bad = kind switch
        {
            "x" => PHex + Word(2),
            "y" => Word(1) + PHex,
            "curve" => Word(1) + Word(3),
            _ => new string('f', 64) + Word(2),
        };
        foreach (var input in new[] { bad + G1Hex, G1Hex + bad, bad })
        {
            var run = PrecompileRun.Execute(Bn254AddPrecompile.Instance, input);
            Assert.Equal(PrecompileStatus.InvalidInput, run.Status);
            Assert.Empty(run.Output);
            Assert.Equal(150 * Resources.ErgsPerGas, run.ErgsUsed);
        }

        var mul = PrecompileRun.Execute(Bn254MulPrecompile.Instance, bad + Word(2));
        Assert.Equal(PrecompileStatus.InvalidInput, mul.Status);
        Assert.Equal(6000 * Resources.ErgsPerGas, mul.ErgsUsed);
    }

    [Fact]
    public void Pairing_InvalidPoints_AreInvalidInput()
    {
        var valid = G1Hex + _g2Hex;
        var offTwist = EncodeG2((G2Generator.X, Add2(G2Generator.Y, (1, 0))));
        var notInSubgroup = EncodeG2(RandomTwistPoint(new Random(42)));
        string[] invalid =
        [
            Word(1) + Word(3) + _g2Hex, // G1 off the curve
            PHex + Word(2) + _g2Hex, // G1 coordinate = p
            G1Hex + offTwist,
            G1Hex + notInSubgroup,
            new string('0', 128) + notInSubgroup, // G1 at infinity does not excuse the G2 point
            G1Hex + PHex + _g2Hex[64..], // each G2 word = p
            G1Hex + _g2Hex[..64] + PHex + _g2Hex[128..],
            G1Hex + _g2Hex[..128] + PHex + _g2Hex[192..],
            G1Hex + _g2Hex[..192] + PHex,
            valid + valid + G1Hex + notInSubgroup, // a bad pair after good ones
            Word(1) + Word(3) + new string('0', 256), // G2 at infinity does not excuse the G1 point
        ];
        foreach (var input in invalid)
        {
            var run = PrecompileRun.Execute(Bn254PairingPrecompile.Instance, input);
            Assert.Equal(PrecompileStatus.InvalidInput, run.Status);
            Assert.Empty(run.Output);
            Assert.Equal(Bn254PairingPrecompile.GasCost(input.Length / 2) * Resources.ErgsPerGas, run.ErgsUsed);
        }
    }

    [Fact]
    public void Pairing_InfinityPairs_ContributeOne()
    {
        string zeroG1 = new('0', 128), zeroG2 = new('0', 256);
        string one = new string('0', 63) + "1", zero = new('0', 64);
        Assert.Equal(one, PrecompileRun.Execute(Bn254PairingPrecompile.Instance, zeroG1 + _g2Hex).OutputHex);
        Assert.Equal(one, PrecompileRun.Execute(Bn254PairingPrecompile.Instance, G1Hex + zeroG2).OutputHex);
        Assert.Equal(zero, PrecompileRun.Execute(Bn254PairingPrecompile.Instance, G1Hex + _g2Hex + G1Hex + zeroG2).OutputHex);
        Assert.Equal(zero, PrecompileRun.Execute(Bn254PairingPrecompile.Instance, zeroG1 + zeroG2 + G1Hex + _g2Hex).OutputHex);
    }

    [Fact]
    public void AddAndMul_ShortInput_IsZeroPaddedAndLongInputTruncated()
    {
        var random = new Random(7);
        var a = RandomG1(random);
        var b = RandomG1(random);
        var full = Convert.FromHexString(EncodeG1(a) + EncodeG1(b));
        for (int length = 0; length <= full.Length; length += 8)
        {
            var padded = new byte[128];
            full.AsSpan(0, length).CopyTo(padded);
            var expected = PrecompileRun.Execute(Bn254AddPrecompile.Instance, padded);
            var actual = PrecompileRun.Execute(Bn254AddPrecompile.Instance, full.AsSpan(0, length));
            Assert.Equal(expected.Status, actual.Status);
            Assert.Equal(expected.OutputHex, actual.OutputHex);
        }

        var longer = full.Concat(Convert.FromHexString("deadbeef")).ToArray();
        Assert.Equal(EncodeG1(Add(a, b)), PrecompileRun.Execute(Bn254AddPrecompile.Instance, longer).OutputHex);

        // Mul: the scalar 0x05 truncated to its first byte is 0x05 << 248.
        var mulInput = Convert.FromHexString(EncodeG1(a) + Word(5));
        Assert.Equal(EncodeG1(Multiply(a, 5)), PrecompileRun.Execute(Bn254MulPrecompile.Instance, mulInput.Concat(new byte[9]).ToArray()).OutputHex);
        var truncated = PrecompileRun.Execute(Bn254MulPrecompile.Instance, mulInput.AsSpan(0, 65));
        Assert.Equal(EncodeG1(Multiply(a, BigInteger.Zero)), truncated.OutputHex);
        var scalarHigh = mulInput[..64].Concat(new byte[] { 5 }).ToArray();
        Assert.Equal(EncodeG1(Multiply(a, (BigInteger)5 << 248)), PrecompileRun.Execute(Bn254MulPrecompile.Instance, scalarHigh).OutputHex);
    }

    [Fact]
    public void AddAndMul_RandomPoints_MatchTheReference()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(Bn254Generators.Seed.ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var a = RandomG1(random);
            var b = random.Next(4) == 0 ? a : RandomG1(random);
            var k = RandomBelow(random, BigInteger.One << 256);
            Assert.Equal(EncodeG1(Add(a, b)), PrecompileRun.Execute(Bn254AddPrecompile.Instance, EncodeG1(a) + EncodeG1(b)).OutputHex);
            Assert.Equal(EncodeG1(Add(a, Multiply(a, R - 1))), PrecompileRun.Execute(Bn254AddPrecompile.Instance, EncodeG1(a) + EncodeG1(Multiply(a, R - 1))).OutputHex);
            Assert.Equal(EncodeG1(Multiply(a, k)), PrecompileRun.Execute(Bn254MulPrecompile.Instance, EncodeG1(a) + Word(k)).OutputHex);
        }));
    }

    [Fact]
    public void RandomInputs_NeverThrow()
    {
        var bytes = Gen.Choose(0, 700).SelectMany(n => Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(0)), (4, Gen.Choose(0, 255))).Select(b => (byte)b), n));

        // Structured inputs too: valid encodings with one random byte changed reach the deeper checks.
        var mutated = Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Choose(0, 255)).Select(t =>
        {
            var input = Convert.FromHexString(G1Hex + _g2Hex + G1Hex + _g2Hex);
            input[t.Item1 % input.Length] = (byte)t.Item2;
            return input;
        });
        var inputs = Gen.Frequency((3, bytes), (1, mutated)).ToArbitrary();
        IPrecompile[] precompiles = [Bn254AddPrecompile.Instance, Bn254MulPrecompile.Instance, Bn254PairingPrecompile.Instance];
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(inputs, input =>
        {
            foreach (var precompile in precompiles)
            {
                var run = PrecompileRun.Execute(precompile, input);
                Assert.True(run.Status is PrecompileStatus.Success or PrecompileStatus.InvalidInput);
                Assert.Equal(run.Status == PrecompileStatus.Success ? (precompile.Address == 8 ? 32 : 64) : 0, run.Output.Length);
            }
        }));
    }

    [Fact]
    public void Execute_WarmCalls_AllocateNothing()
    {
        var add = Convert.FromHexString(G1Hex + G1Hex);
        var mul = Convert.FromHexString(G1Hex + new string('f', 64));
        var pairing = Convert.FromHexString(string.Concat(Enumerable.Repeat(Bn254GethVectors.Pairing.First()[1] as string, 5)));
        var output = new ArrayBufferWriter<byte>(256);
        void Run()
        {
            var resources = PrecompileRun.Ample;
            output.ResetWrittenCount();
            Bn254AddPrecompile.Instance.Execute(add, ref resources, output);
            output.ResetWrittenCount();
            Bn254MulPrecompile.Instance.Execute(mul, ref resources, output);
            output.ResetWrittenCount();
            Bn254PairingPrecompile.Instance.Execute(pairing, ref resources, output);
        }

        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static IEnumerable<(IPrecompile Precompile, byte[] Input, ulong Gas, ulong Native)> ChargeCases()
    {
        yield return (Bn254AddPrecompile.Instance, Convert.FromHexString(G1Hex), 150, 52_600);
        yield return (Bn254MulPrecompile.Instance, Convert.FromHexString(G1Hex + Word(3)), 6000, 1_073_000);
        yield return (Bn254PairingPrecompile.Instance, [], 45_000, 15_000_000);
        yield return (Bn254PairingPrecompile.Instance, Convert.FromHexString(G1Hex + _g2Hex), 79_000, 30_000_000);
        yield return (Bn254PairingPrecompile.Instance, Convert.FromHexString(G1Hex + _g2Hex + G1Hex + _g2Hex), 113_000, 45_000_000);
    }
}
