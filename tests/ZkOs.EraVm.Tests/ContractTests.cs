// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.EraVm.Machine;
using ZkOs.EraVm.World;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Tests;

/// <summary>
/// Compiled contracts (conformance/eravm/contracts) run as the root frame of a user account, as the
/// era-zkevm_tester model does (eravm.md §6): r1 = calldata pointer, r2 = call flags, msg.value in
/// context_u128; the return data and storage compared with expected_calls.json.
/// </summary>
public sealed class ContractTests
{
    private static readonly Address ContractAddress = Address.Parse("0x1055780Bd25e2F698E7c9a95FBaf4cb565A23A14");
    private static readonly Address CallerAddress = Address.Parse("0x000000000000000000000000000000000000a11c");

    private static readonly JsonElement Cases =
        JsonDocument.Parse(File.ReadAllText(SharedData.EraVm("contracts/expected_calls.json"))).RootElement.GetProperty("cases");

    public static TheoryData<string> FibCalldata()
    {
        var data = new TheoryData<string>();
        foreach (var item in Cases.EnumerateArray().Where(c => c.GetProperty("contract").GetString() == "Fib"))
        {
            data.Add(item.GetProperty("calldata").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FibCalldata))]
    public void Fib_Call_ReturnsExpectedValue(string calldata)
    {
        var expected = Cases.EnumerateArray().Single(c => c.GetProperty("contract").GetString() == "Fib" && c.GetProperty("calldata").GetString() == calldata)
            .GetProperty("expect");
        var bytecode = Hex.Decode(JsonDocument.Parse(File.ReadAllText(SharedData.EraVm("contracts/Fib.hardhat-deploy.json"))).RootElement.GetProperty("bytecode").GetString()!);
        var world = new InMemoryEraWorld();
        var machine = new EraVmMachine(world);

        var status = Call(machine, world, bytecode, Hex.Decode(calldata), default);

        Assert.Equal(MachineStatus.Returned, status);
        Assert.Equal(expected.GetProperty("returndata").GetString(), Hex.Encode(machine.ReturnData.Span));
    }

    [Fact]
    public void Counter_ExpectedCallsInOrder_ReturnAndStoreWhatTheAbiSays()
    {
        var artifact = JsonDocument.Parse(File.ReadAllText(SharedData.EraVm("contracts/Counter.zk-artifact.json"))).RootElement;
        var bytecode = Hex.Decode(artifact.GetProperty("bytecode").GetProperty("object").GetString()!);
        var world = new InMemoryEraWorld();
        var machine = new EraVmMachine(world);
        var steps = Cases.EnumerateArray().Where(c => c.GetProperty("contract").GetString() == "Counter").OrderBy(c => c.GetProperty("step").GetInt32()).ToList();
        Assert.Equal(7, steps.Count);

        foreach (var step in steps)
        {
            var value = step.TryGetProperty("msg_value", out var v) ? new UInt256((ulong)v.GetInt64()) : default;
            var status = Call(machine, world, bytecode, Hex.Decode(step.GetProperty("calldata").GetString()!), value);
            var expect = step.GetProperty("expect");
            var label = "step " + step.GetProperty("step").GetInt32();
            Assert.True(expect.GetProperty("status").GetString() == "ok" ? status == MachineStatus.Returned : status == MachineStatus.Reverted, $"{label}: {status}");
            Assert.Equal(expect.GetProperty("returndata").GetString(), Hex.Encode(machine.ReturnData.Span));
            if (expect.TryGetProperty("storage", out var storage))
            {
                Assert.Equal(storage.GetProperty("slot0").GetString(), "0x" + world.ReadStorage(ContractAddress, UInt256.Zero).ToHexString()[2..].PadLeft(64, '0'));
            }
        }
    }

    [Fact]
    public void CallFar_Vm2Program_PanicsWithNoErgsLeft()
    {
        var bytecode = File.ReadAllBytes(SharedData.EraVm("vm2/call_far.zbin"));
        var world = new InMemoryEraWorld();
        var machine = new EraVmMachine(world);
        machine.Start(new RootLaunch(ContractAddress, CallerAddress, DecodedProgram.Decode(bytecode), ReadOnlyMemory<byte>.Empty, 1_000_000));

        var status = machine.Run();

        Assert.Equal(MachineStatus.Panicked, status);
        Assert.Equal(0u, machine.RootErgsLeft);
    }

    [Theory]
    [InlineData("")]
    [InlineData("616263")]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f")]
    public void Keccak256SystemContract_Calldata_ReturnsItsKeccakHashThroughTheCircuit(string input)
    {
        var bytecode = File.ReadAllBytes(SharedData.EraVm("system_contracts/Keccak256.zbin"));
        var machine = new EraVmMachine(new InMemoryEraWorld());
        var data = Hex.Decode(input);
        machine.Start(new RootLaunch(Address.FromUInt64(0x8010), CallerAddress, DecodedProgram.Decode(bytecode), data, 10_000_000));

        var status = machine.Run();

        Assert.Equal(MachineStatus.Returned, status);
        Assert.Equal(Hex.Encode(ZkOs.Framework.Crypto.Keccak256.Hash(data).ToArray()), Hex.Encode(machine.ReturnData.Span));
    }

    /// <summary>One call as the root frame; a reverted root is rolled back here, as its host would.</summary>
    private static MachineStatus Call(EraVmMachine machine, InMemoryEraWorld world, byte[] bytecode, byte[] calldata, UInt256 value)
    {
        var snapshot = machine.World.Snapshot();
        machine.Start(new RootLaunch(ContractAddress, CallerAddress, DecodedProgram.Decode(bytecode), calldata, 100_000_000, ContextU128: value));
        var status = machine.Run();
        if (status != MachineStatus.Returned)
        {
            machine.World.Rollback(world, snapshot);
        }
        return status;
    }
}
