// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>
/// Random inputs and budgets against every precompile: nothing throws, resources only go down, and each
/// status leaves the resources and output in the shape the caller relies on.
/// </summary>
public class PrecompileFuzzTests
{
    private const int Cases = 3000;

    private static Gen<byte> AnyByte { get; } = Gen.Frequency((4, Gen.Choose(0, 255)), (1, Gen.Elements(0, 1, 27, 28, 0xff))).Select(b => (byte)b);

    private static Gen<byte[]> Bytes(int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(n => Gen.ArrayOf(AnyByte, n));

    private static Gen<Resources> Budget { get; } = Gen.Zip(
        Gen.Frequency(
            (3, Gen.Choose(0, 400_000).Select(g => (ulong)g * Resources.ErgsPerGas)),
            (1, Gen.Choose(0, 5_000).Select(e => (ulong)e))),
        Gen.Frequency(
            (3, Gen.Constant(1UL << 40)),
            (1, Gen.Choose(0, 2_000_000).Select(n => (ulong)n))),
        (ergs, native) => new Resources(ergs, native));

    /// <summary>Mostly structured modexp inputs (small lengths) so that the arithmetic runs, plus raw noise.</summary>
    private static Gen<byte[]> ModExpInput { get; } = Gen.Frequency(
        (1, Bytes(200)),
        (3, Gen.Zip(PrecompileGenerators.Zip3(Gen.Choose(0, 80), Gen.Choose(0, 80), Gen.Choose(0, 80)), Bytes(260)).Select(t =>
        {
            var ((b, e, m), body) = t;
            var header = new byte[96];
            header[31] = (byte)b;
            header[63] = (byte)e;
            header[95] = (byte)m;
            return header.Concat(body).ToArray();
        })));

    /// <summary>213-byte BLAKE2F inputs with small round counts (the budget bounds them anyway), plus other lengths.</summary>
    private static Gen<byte[]> Blake2FInput { get; } = Gen.Frequency(
        (1, Bytes(300)),
        (4, PrecompileGenerators.Zip3(Gen.ArrayOf(AnyByte, 213), Gen.Choose(0, 3), Gen.Choose(0, 5000)).Select(t =>
        {
            var (bytes, flag, rounds) = t;
            bytes[0] = bytes[1] = 0;
            bytes[2] = (byte)(rounds >> 8);
            bytes[3] = (byte)rounds;
            bytes[212] = flag == 3 ? bytes[212] : (byte)flag;
            return bytes;
        })));

    private static void Fuzz(IPrecompile precompile, Gen<byte[]> inputs, Func<byte[], int, bool> outputLengthIsValid)
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), Prop.ForAll(Gen.Zip(inputs, Budget).ToArbitrary(), t =>
        {
            var (input, budget) = t;
            var run = PrecompileRun.Execute(precompile, input, budget);
            Assert.True(Enum.IsDefined(run.Status));
            Assert.True(run.Left.Ergs <= budget.Ergs && run.Left.Native <= budget.Native);
            switch (run.Status)
            {
                case PrecompileStatus.Success:
                    Assert.True(outputLengthIsValid(input, run.Output.Length), $"output of {run.Output.Length} bytes for {input.Length}");
                    break;
                case PrecompileStatus.OutOfErgs:
                    Assert.Equal(0UL, run.Left.Ergs);
                    Assert.Empty(run.Output);
                    break;
                case PrecompileStatus.OutOfNative:
                    Assert.Equal(0UL, run.Left.Native);
                    Assert.Empty(run.Output);
                    break;
                default:
                    Assert.Empty(run.Output);
                    break;
            }
        }));
    }

    [Fact]
    public void EcRecover() => Fuzz(new EcRecoverPrecompile(Secp256k1Backend.Managed), Bytes(160), (_, n) => n is 0 or 32);

    [Fact]
    public void EcRecoverDefaultBackend() => Fuzz(EcRecoverPrecompile.Default, Bytes(160), (_, n) => n is 0 or 32);

    [Fact]
    public void Sha256() => Fuzz(Sha256Precompile.Instance, Bytes(300), (_, n) => n == 32);

    [Fact]
    public void Ripemd160() => Fuzz(Ripemd160Precompile.Instance, Bytes(300), (_, n) => n == 32);

    [Fact]
    public void Identity() => Fuzz(IdentityPrecompile.Instance, Bytes(300), (input, n) => n == input.Length);

    [Fact]
    public void ModExp() => Fuzz(ModExpPrecompile.Instance, ModExpInput, (input, n) =>
        n == (input.Length >= 96 && input.AsSpan(64, 31).IndexOfAnyExcept((byte)0) < 0 ? input[95] : n));

    [Fact]
    public void Blake2F() => Fuzz(Blake2FPrecompile.Instance, Blake2FInput, (_, n) => n == 64);

    [Fact]
    public void PointEvaluation() => Fuzz(PointEvaluationPrecompile.Instance, Bytes(200), (input, n) => input.Length == 192 && n == 64);
}
