// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using ZkOs.System.Precompiles;
using ZkOs.System.Tests.Ethereum;
using static ZkOs.System.Tests.Precompiles.Bn254.Bn254Reference;

namespace ZkOs.System.Tests.Precompiles.Bn254;

/// <summary>
/// The precompile inputs of the Ethereum state tests stZeroKnowledge and stZeroKnowledge2, read in place
/// (the EVM cannot run them yet, so the expected results come from elsewhere): ecpairing_inputs carries a
/// label per input (positive, negative, invalid_*); the named ecpairing_* tests say their outcome in their
/// names; the ecadd_* and ecmul_* calls are compared with the BigInteger reference.
/// </summary>
public class Bn254StateTestVectorTests
{
    /// <summary>Outcomes of the named pairing tests: "1", "0" or "invalid".</summary>
    private static readonly Dictionary<string, string> _namedPairingOutcomes = new()
    {
        ["ecpairing_bad_length_191"] = "invalid",
        ["ecpairing_bad_length_193"] = "invalid",
        ["ecpairing_empty_data"] = "1",
        ["ecpairing_empty_data_insufficient_gas"] = "1",
        ["ecpairing_one_point_fail"] = "0",
        ["ecpairing_one_point_insufficient_gas"] = "0",
        ["ecpairing_one_point_not_in_subgroup"] = "invalid",
        ["ecpairing_one_point_with_g1_zero"] = "1",
        ["ecpairing_one_point_with_g2_zero"] = "1",
        ["ecpairing_one_point_with_g2_zero_and_g1_invalid"] = "invalid",
        ["ecpairing_perturb_g2_by_curve_order"] = "invalid",
        ["ecpairing_perturb_g2_by_field_modulus"] = "invalid",
        ["ecpairing_perturb_g2_by_field_modulus_again"] = "invalid",
        ["ecpairing_perturb_g2_by_one"] = "invalid",
        ["ecpairing_perturb_zeropoint_by_curve_order"] = "invalid",
        ["ecpairing_perturb_zeropoint_by_field_modulus"] = "invalid",
        ["ecpairing_perturb_zeropoint_by_one"] = "invalid",
        ["ecpairing_three_point_fail_1"] = "0",
        ["ecpairing_three_point_match_1"] = "1",
        ["ecpairing_two_point_fail_1"] = "0",
        ["ecpairing_two_point_fail_2"] = "0",
        ["ecpairing_two_point_match_1"] = "1",
        ["ecpairing_two_point_match_2"] = "1",
        ["ecpairing_two_point_match_3"] = "1",
        ["ecpairing_two_point_match_4"] = "1",
        ["ecpairing_two_point_match_5"] = "1",
        ["ecpairing_two_point_oog"] = "1",
        ["ecpairing_two_points_with_one_g2_zero"] = "0",
    };

    [Fact]
    public void EcpairingInputs_LabelledInputs_HaveTheirOutcome()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(ConformanceData.StateTest("stZeroKnowledge/ecpairing_inputs.json")));
        var test = document.RootElement.EnumerateObject().Single().Value;
        var labels = test.GetProperty("_info").GetProperty("labels");
        var data = test.GetProperty("transaction").GetProperty("data").EnumerateArray().Select(d => d.GetString()!).ToArray();
        Assert.Equal(144, data.Length);
        for (int i = 0; i < data.Length; i++)
        {
            string label = labels.GetProperty(i.ToString(CultureInfo.InvariantCulture)).GetString()!;
            var run = PrecompileRun.Execute(Bn254PairingPrecompile.Instance, data[i][2..]);
            string outcome = run.Status == PrecompileStatus.InvalidInput ? "invalid" : run.OutputHex[^1..];
            string expected = label switch
            {
                "positive" => "1",
                "negative" => "0",
                _ => "invalid",
            };
            Assert.True(expected == outcome, $"input {i} ({label}): got {outcome}");
        }
    }

    [Fact]
    public void NamedPairingTests_HaveTheOutcomeTheirNameSays()
    {
        foreach (var (name, expected) in _namedPairingOutcomes)
        {
            var input = AbiPayload(ReadData(Path.Combine("stZeroKnowledge", name + ".json")).Single());
            var run = PrecompileRun.Execute(Bn254PairingPrecompile.Instance, input);
            string outcome = run.Status == PrecompileStatus.InvalidInput ? "invalid" : run.OutputHex[^1..];
            Assert.True(expected == outcome, $"{name}: got {outcome}");
        }
    }

    [Fact]
    public void EcaddAndEcmulCalls_MatchTheReference()
    {
        int count = 0;
        foreach (var folder in new[] { "stZeroKnowledge", "stZeroKnowledge2" })
        {
            foreach (var file in Directory.EnumerateFiles(ConformanceData.StateTest(folder), "ec*.json"))
            {
                string name = Path.GetFileName(file);
                bool isAdd = name.StartsWith("ecadd_", StringComparison.Ordinal);
                if (!isAdd && !name.StartsWith("ecmul_", StringComparison.Ordinal))
                    continue;
                foreach (var data in ReadData(file))
                {
                    var input = AbiPayload(data);
                    var expected = isAdd ? ReferenceAdd(input) : ReferenceMul(input);
                    var run = PrecompileRun.Execute(isAdd ? Bn254AddPrecompile.Instance : Bn254MulPrecompile.Instance, input);
                    Assert.True(
                        expected is null ? run.Status == PrecompileStatus.InvalidInput : run.OutputHex == expected,
                        $"{name}: got {run.Status} {run.OutputHex}, expected {expected ?? "invalid"}");
                    count++;
                }
            }
        }

        Assert.True(count > 200, $"only {count} calls found");
    }

    private static string[] ReadData(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.IsPathRooted(path) ? path : ConformanceData.StateTest(path)));
        var test = document.RootElement.EnumerateObject().Single().Value;
        return test.GetProperty("transaction").GetProperty("data").EnumerateArray().Select(d => d.GetString()!).ToArray();
    }

    /// <summary>
    /// These tests call a contract with the ABI encoding of f(bytes) (selector 0x30c8d1da); it forwards the
    /// bytes to the precompile.
    /// </summary>
    private static byte[] AbiPayload(string hex)
    {
        var data = Convert.FromHexString(hex[2..]);
        Assert.Equal("30c8d1da", Convert.ToHexStringLower(data.AsSpan(0, 4)));
        int offset = (int)ReadWord(data.AsSpan(4));
        int length = (int)ReadWord(data.AsSpan(4 + offset));
        return data.AsSpan(4 + offset + 32, length).ToArray();
    }

    private static (BigInteger X, BigInteger Y)? ReadPoint(ReadOnlySpan<byte> source, out bool valid)
    {
        var x = ReadWord(source);
        var y = ReadWord(source[32..]);
        valid = x < P && y < P && ((x.IsZero && y.IsZero) || IsOnG1((x, y)));
        return x.IsZero && y.IsZero ? null : (x, y);
    }

    private static string? ReferenceAdd(byte[] input)
    {
        var padded = new byte[128];
        input.AsSpan(0, Math.Min(128, input.Length)).CopyTo(padded);
        var a = ReadPoint(padded, out bool validA);
        var b = ReadPoint(padded.AsSpan(64), out bool validB);
        return validA && validB ? EncodeG1(Add(a, b)) : null;
    }

    private static string? ReferenceMul(byte[] input)
    {
        var padded = new byte[96];
        input.AsSpan(0, Math.Min(96, input.Length)).CopyTo(padded);
        var a = ReadPoint(padded, out bool valid);
        return valid ? EncodeG1(Multiply(a, ReadWord(padded.AsSpan(64)))) : null;
    }
}
