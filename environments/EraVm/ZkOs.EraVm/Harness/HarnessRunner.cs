// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using System.Text.Json;
using ZkOs.EraVm.Encoding;
using ZkOs.EraVm.Machine;
using ZkOs.EraVm.World;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Harness;

/// <summary>
/// Runs the self-checking programs of the zk_evm harness as its tests_manifest.json describes
/// (eravm.md §6): the entry program is the kernel root at 0x8001 with both heap bounds at u32::MAX (it
/// stands for the bootloader), every <c>&lt;N&gt;.asm</c> of the test's folder is deployed at address N,
/// <c>default_aa.asm</c> becomes the default account and <c>evm_emulator.asm</c> the EVM emulator,
/// templated tests get their helper addresses, and a test passes when the root ends with <c>ret.ok</c>
/// within the cycle limit without reaching a <c>revert("...")</c>.
/// </summary>
public static class HarnessRunner
{
    /// <summary>The harness's cycle limit when a test names none.</summary>
    public const long DefaultCycleLimit = 50;

    public static readonly Address EntryAddress = Address.FromUInt64(0x8001);

    /// <summary>Where the EVM-emulator tests expect an EVM contract.</summary>
    public static readonly Address EvmContractAddress = Address.FromUInt64(0x10000);

    /// <summary>
    /// The templated tests (the manifest's notes): per variant, the helper file of each placeholder and
    /// the address it is deployed at.
    /// </summary>
    private static readonly Dictionary<string, (string Placeholder, string File, ulong Address)[]> Templates = new(StringComparer.Ordinal)
    {
        ["test_memory_growth_heap_write_kernel"] = [("heaps_grows_test_contract_address", "heaps_grows_test.asm", 65534)],
        ["test_memory_growth_heap_write_not_kernel"] = [("heaps_grows_test_contract_address", "heaps_grows_test.asm", 800000)],
        ["test_memory_growth_ret_kernel"] = [("heap_test_contract_address", "heap_test.asm", 65534), ("aux_heap_test_contract_address", "aux_heap_test.asm", 65533)],
        ["test_memory_growth_ret_not_kernel"] = [("heap_test_contract_address", "heap_test.asm", 800000), ("aux_heap_test_contract_address", "aux_heap_test.asm", 800001)],
        ["test_memory_growth_far_call_kernel"] = [("far_call_test_address", "far_call_test.asm", 65534), ("dummy_address", "dummy.asm", 900000)],
        ["test_memory_growth_far_call_not_kernel"] = [("far_call_test_address", "far_call_test.asm", 800000), ("dummy_address", "dummy.asm", 900000)],
    };

    /// <summary><c>${garbage}</c> inflates a contract so its decommit costs more than the call can pay.</summary>
    private const int GarbageInstructions = 16_384;

    public static IReadOnlyList<HarnessResult> RunManifest(string manifestPath)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        using var document = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var results = new List<HarnessResult>();
        foreach (var test in document.RootElement.EnumerateArray())
        {
            results.Add(RunTest(root, test));
        }
        return results;
    }

    private static HarnessResult RunTest(string root, JsonElement test)
    {
        var name = test.GetProperty("module").GetString() + "::" + test.GetProperty("test").GetString();
        if (test.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean())
        {
            return new HarnessResult(name, HarnessOutcome.Ignored, "ignored in the manifest", 0);
        }
        var cycleLimit = test.TryGetProperty("cycle_limit", out var limit) ? limit.GetInt64() : DefaultCycleLimit;
        try
        {
            if (test.TryGetProperty("inline_asm", out var inline))
            {
                var source = File.ReadAllText(Path.Combine(root, inline.GetString()!));
                return Run(name, source, [], null, cycleLimit);
            }
            if (!test.TryGetProperty("dir", out var dirElement))
            {
                return new HarnessResult(name, HarnessOutcome.NoProgram, "the manifest names no program (the test runs Rust code only)", 0);
            }
            var dir = Path.Combine(root, "testdata", dirElement.GetString()!);
            var testName = test.GetProperty("test").GetString()!;
            var substitutions = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["garbage"] = string.Concat(Enumerable.Repeat("add r0, r0, r0\n", GarbageInstructions)),
            };
            var contracts = new List<(ulong Address, string Source)>();
            foreach (var file in Directory.EnumerateFiles(dir, "*.asm"))
            {
                if (ulong.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var address))
                {
                    contracts.Add((address, File.ReadAllText(file)));
                }
            }
            if (Templates.TryGetValue(testName, out var template))
            {
                foreach (var (placeholder, file, address) in template)
                {
                    substitutions[placeholder] = address.ToString(CultureInfo.InvariantCulture);
                    contracts.Add((address, File.ReadAllText(Path.Combine(dir, file))));
                }
            }
            string? Optional(string file) => File.Exists(Path.Combine(dir, file)) ? File.ReadAllText(Path.Combine(dir, file)) : null;
            var specials = (DefaultAccount: Optional("default_aa.asm"), EvmEmulator: Optional("evm_emulator.asm"));
            string Substitute(string text) => SubstitutePlaceholders(text, substitutions);
            var evmContracts = test.TryGetProperty("calls", out var calls)
                && calls.EnumerateArray().Any(c => c.GetString() == "run_asm_based_test_with_evm_contracts");
            return Run(name, Substitute(File.ReadAllText(Path.Combine(dir, "entry.asm"))),
                contracts.Select(c => (c.Address, Substitute(c.Source))).ToList(),
                (specials.DefaultAccount is null ? null : Substitute(specials.DefaultAccount), specials.EvmEmulator is null ? null : Substitute(specials.EvmEmulator)),
                cycleLimit, evmContracts);
        }
        catch (Exception e) when (e is AssemblyException or IOException or FormatException or KeyNotFoundException)
        {
            return new HarnessResult(name, HarnessOutcome.Failed, "could not assemble: " + e.Message, 0);
        }
    }

    /// <summary>Runs one entry program with its contracts; the outcome says why it failed, if it did.</summary>
    public static HarnessResult Run(string name, string entrySource, IReadOnlyList<(ulong Address, string Source)> contracts,
        (string? DefaultAccount, string? EvmEmulator)? specials, long cycleLimit, bool evmContracts = false)
    {
        var world = new InMemoryEraWorld();
        if (evmContracts)
        {
            // run_asm_based_test_with_evm_contracts: an EVM contract (a version-2 blob hash) at 0x10000,
            // run by the test's evm_emulator.asm.
            world.SetCodeHash(EvmContractAddress, VersionedHash.OfEvmBlob([0x00]));
        }
        var trace = new HarnessTraceState(world);
        HarnessProgram Deploy(ulong address, string source)
        {
            var program = HarnessAssembler.Assemble(source);
            var hash = world.Deploy(Address.FromUInt64(address), program.Bytecode);
            world.TryDecommit(hash, out var decoded);
            trace.Programs[decoded!] = program;
            return program;
        }
        foreach (var (address, source) in contracts)
        {
            Deploy(address, source);
        }
        if (specials?.DefaultAccount is { } defaultAccount)
        {
            var program = HarnessAssembler.Assemble(defaultAccount);
            world.DefaultAccountHash = world.AddCode(program.Bytecode);
            world.TryDecommit(world.DefaultAccountHash.Value, out var decoded);
            trace.Programs[decoded!] = program;
        }
        if (specials?.EvmEmulator is { } emulator)
        {
            var program = HarnessAssembler.Assemble(emulator);
            world.EvmEmulatorHash = world.AddCode(program.Bytecode);
            world.TryDecommit(world.EvmEmulatorHash.Value, out var decoded);
            trace.Programs[decoded!] = program;
        }
        Deploy(0x8001, entrySource);
        world.TryDecommit(world.ReadStorage(InMemoryEraWorld.AccountCodeStorage, EntryAddress.ToUInt256()), out var entry);

        var machine = new EraVmMachine(world) { TraceState = trace };
        machine.Start(new RootLaunch(EntryAddress, EntryAddress, entry!, ReadOnlyMemory<byte>.Empty, uint.MaxValue, HeapBound: uint.MaxValue));
        var status = machine.Run<HarnessTracer>(cycleLimit);
        var detail = trace.RevertReached is { } message ? $"revert(\"{message}\") reached"
            : status == MachineStatus.Returned ? ""
            : status == MachineStatus.CycleLimit ? $"cycle limit {cycleLimit} reached at pc {machine.Current.Pc} (depth {machine.Depth})"
            : $"root ended with {status}";
        return new HarnessResult(name, detail.Length == 0 ? HarnessOutcome.Passed : HarnessOutcome.Failed, detail, machine.Cycles);
    }

    private static string SubstitutePlaceholders(string text, Dictionary<string, string> values)
    {
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                builder.Append(text, i, text.Length - i);
                break;
            }
            var close = text.IndexOf('}', open);
            var key = text[(open + 2)..close];
            builder.Append(text, i, open - i);
            builder.Append(values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no value for ${{{key}}}"));
            i = close + 1;
        }
        return builder.ToString();
    }
}
