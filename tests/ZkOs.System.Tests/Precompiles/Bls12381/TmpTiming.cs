// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOs.System.Precompiles.Bls12381;
using Xunit.Abstractions;
using static ZkOs.System.Tests.Precompiles.Bls12381.Bls12381Reference;
using Fq = ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381Tower>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381G1Params>;
using BnFq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;

namespace ZkOs.System.Tests.Precompiles.Bls12381;

public class TmpTiming(ITestOutputHelper output)
{
    private void Time(string name, int n, Action a)
    {
        for (int i = 0; i < Math.Max(3, n / 5); i++) a();
        double best = double.MaxValue;
        for (int rep = 0; rep < 7; rep++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) a();
            best = Math.Min(best, sw.Elapsed.TotalMicroseconds / n);
        }
        output.WriteLine($"{name}: {best:F3} us");
    }

    [Fact]
    public void Timings()
    {
        var random = new Random(1);
        var x = RandomFq(random); var y = RandomFq(random);
        Time("Fp384 mul x1000", 2000, () => { var t = x; for (int i = 0; i < 1000; i++) Fq.Multiply(in t, in y, out t); x = t; });
        var bx = BnFq.FromUInt64(12345); var by = BnFq.FromUInt64(999);
        Time("Fp256 mul x1000", 2000, () => { var t = bx; for (int i = 0; i < 1000; i++) BnFq.Multiply(in t, in by, out t); bx = t; });
        var a2 = RandomFq2(random); var b2 = RandomFq2(random);
        Time("Fp2 mul x1000", 500, () => { var t = a2; for (int i = 0; i < 1000; i++) Fq2.Multiply(in t, in b2, out t); a2 = t; });
        Time("Fp2 via 3 mul x1000", 500, () =>
        {
            var t = a2;
            for (int i = 0; i < 1000; i++)
            {
                Fq.Multiply(in t.C0, in b2.C0, out var v0);
                Fq.Multiply(in t.C1, in b2.C1, out var v1);
                Fq.Add(in t.C0, in t.C1, out var s0);
                Fq.Add(in b2.C0, in b2.C1, out var s1);
                Fq.Multiply(in s0, in s1, out var s);
                Fq.Subtract(in s, in v0, out s);
                Fq.Subtract(in s, in v1, out s);
                Fq.Subtract(in v0, in v1, out v0);
                t = new Fq2(v0, s);
            }

            a2 = t;
        });
        var f = RandomFq12(random); var g = RandomFq12(random);
        Time("Fp12 mul", 5000, () => Fq12.Multiply(in f, in g, out f));
        Time("Fp12 square", 5000, () => Fq12.Square(in f, out f));
        Time("Fp12 cyc square", 5000, () => Fq12.CyclotomicSquare(in f, out f));
        Time("Fq invert", 500, () => Fq.Invert(in x, out x));
        Time("Fq sqrt", 500, () => Bls12381Encoding.TrySqrt(in x, out _));
        Time("Final exp", 100, () => Bls12381Pairing.FinalExponentiation(in f, out _));
        var p = G1Multiple(123456789);
        Time("G1 subgroup", 100, () => Bls12381G1.IsInSubgroup(in p));
        var enc = new byte[48];
        Bls12381Encoding.WriteG1Compressed(in p, enc);
        Time("G1 decompress", 100, () => Bls12381Encoding.TryDecompressG1(enc, out _));
        var k = ToUInt256(RandomBelow(random, R)); var l = ToUInt256(RandomBelow(random, R));
        Time("G1 MultiplyTwo", 100, () => G1.MultiplyTwo(in p, in k, in p, in l, out _));
        Time("G1 Multiply", 100, () => G1.Multiply(in p, in k, out _));
        var pair = Bls12381PairingTests.MakePair(p, Bls12381G2.Generator);
        Time("Pairing (1)", 50, () => Bls12381Pairing.Pairing(in pair, out _));
        Time("Miller (1)", 50, () => Bls12381Pairing.MillerLoop([pair], out _));
        ZkOs.System.Precompiles.Bn254.JacobianPoint<Fq2, ZkOs.System.Precompiles.Bls12381.Bls12381G2Params>.ToAffine(Bls12381G2.Generator, out var gx, out var gy);
        var lines = Bls12381Pairing.Prepare(in gx, in gy);
        G1.ToAffine(in p, out var px, out var py);
        var pp = new ZkOs.System.Precompiles.Bn254.PreparedPair<Fq>(px, py, lines);
        Time("Miller prepared (2)", 50, () => Bls12381Pairing.MillerLoop([pp, pp], out _));
        Time("Fp2 square x1000", 500, () => { var t = a2; for (int i = 0; i < 1000; i++) Fq2.Square(in t, out t); a2 = t; });
        Time("Fq add x1000", 500, () => { var t = x; for (int i = 0; i < 1000; i++) Fq.Add(in t, in y, out t); x = t; });
        Time("Fq sub x1000", 500, () => { var t = x; for (int i = 0; i < 1000; i++) Fq.Subtract(in t, in y, out t); x = t; });
        Time("Fq12 sparse023", 2000, () => Fq12.MultiplyBy023(in f, in a2, in b2, in a2, out f));
        var v = PointEvaluationVectors.All[0];
        byte[] c = Convert.FromHexString(v.Commitment), z = Convert.FromHexString(v.Z), yy = Convert.FromHexString(v.Y), pr = Convert.FromHexString(v.Proof);
        Time("VerifyProof", 100, () => KzgVerifier.VerifyProof(c, z, yy, pr));
    }
}
