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

    [Theory]
    [InlineData("")]
    [InlineData("616263")]
    [InlineData("6162636462636465636465666465666765666768666768696768696a68696a6b696a6b6c6a6b6c6d6b6c6d6e6c6d6e6f6d6e6f706e6f7071")]
    public void Sha256PrecompileContract_Calldata_ReturnsItsSha256ThroughTheRoundCircuit(string input)
    {
        var bytecode = File.ReadAllBytes(SharedData.EraVm("system_contracts/SHA256.zbin"));
        var machine = new EraVmMachine(new InMemoryEraWorld());
        var data = Hex.Decode(input);
        machine.Start(new RootLaunch(Address.FromUInt64(0x02), CallerAddress, DecodedProgram.Decode(bytecode), data, 10_000_000));

        var status = machine.Run();

        Assert.Equal(MachineStatus.Returned, status);
        Assert.Equal(Hex.Encode(System.Security.Cryptography.SHA256.HashData(data)), Hex.Encode(machine.ReturnData.Span));
    }

    /// <summary>
    /// Secondary and Primary (zksolc 1.5.8): both deployed by running their constructors as the root with
    /// r2 bit 0 set and the code hash marked under construction, then Primary's calls far-call Secondary
    /// through AccountCodeStorage, and Secondary's revert string bubbles up.
    /// </summary>
    [Fact]
    public void PrimaryAndSecondary_ExpectedCalls_FarCallAndBubbleRevertsAsTheAbiSays()
    {
        var world = new InMemoryEraWorld();
        var machine = new EraVmMachine(world);
        var secondaryAddress = Address.FromUInt64(0x5ec0_0000_0001);
        var primaryAddress = Address.FromUInt64(0x5ec0_0000_0002);
        Deploy(machine, world, secondaryAddress, Artifact("Secondary"), Hex.Decode(Step("Secondary", 0).GetProperty("constructor_calldata").GetString()!));
        var constructorArgument = new byte[32];
        secondaryAddress.WriteTo(constructorArgument.AsSpan(12));
        Deploy(machine, world, primaryAddress, Artifact("Primary"), constructorArgument);

        foreach (var (contract, address) in new[] { ("Secondary", secondaryAddress), ("Primary", primaryAddress) })
        {
            foreach (var step in Cases.EnumerateArray().Where(c => c.GetProperty("contract").GetString() == contract && !c.TryGetProperty("deploy", out _)))
            {
                world.TryDecommit(world.ReadStorage(InMemoryEraWorld.AccountCodeStorage, address.ToUInt256()), out var program);
                machine.Start(new RootLaunch(address, CallerAddress, program!, Hex.Decode(step.GetProperty("calldata").GetString()!), 100_000_000));
                var status = machine.Run();
                var expect = step.GetProperty("expect");
                var label = $"{contract} step {step.GetProperty("step").GetInt32()}";
                Assert.True((expect.GetProperty("status").GetString() == "ok" ? MachineStatus.Returned : MachineStatus.Reverted) == status, $"{label}: {status}");
                Assert.Equal(expect.GetProperty("returndata").GetString(), Hex.Encode(machine.ReturnData.Span));
            }
        }
    }

    /// <summary>
    /// MyERC20 (OpenZeppelin 4.9) and Greeter with the system contracts they reach: mappings hash through
    /// Keccak256 (0x8010, the keccak circuit), events go through EventWriter (0x800D, system far calls
    /// turning calldata and r3..r7 into log.event queries), and Greeter's call to the hardhat console
    /// address (no code) runs DefaultAccount. Status and return data of every expected call; each expected
    /// event is one first query from EventWriter naming the emitter, and a reverted call leaves none.
    /// </summary>
    [Theory]
    [InlineData("MyERC20")]
    [InlineData("Greeter")]
    public void ContractWithSystemContracts_ExpectedCalls_ReturnWhatTheAbiSays(string contract)
    {
        var world = new InMemoryEraWorld();
        world.Deploy(Address.FromUInt64(0x8010), File.ReadAllBytes(SharedData.EraVm("system_contracts/Keccak256.zbin")));
        world.Deploy(Address.FromUInt64(0x800D), File.ReadAllBytes(SharedData.EraVm("system_contracts/EventWriter.zbin")));
        world.DefaultAccountHash = world.AddCode(File.ReadAllBytes(SharedData.EraVm("system_contracts/DefaultAccount.zbin")));
        var machine = new EraVmMachine(world);
        var address = Address.FromUInt64(0xE7C2_0000_0001);
        Deploy(machine, world, address, Artifact(contract), Hex.Decode(Step(contract, 0).GetProperty("constructor_calldata").GetString()!));

        foreach (var step in Cases.EnumerateArray().Where(c => c.GetProperty("contract").GetString() == contract && !c.TryGetProperty("deploy", out _)))
        {
            world.TryDecommit(world.ReadStorage(InMemoryEraWorld.AccountCodeStorage, address.ToUInt256()), out var program);
            var caller = step.TryGetProperty("caller", out var c) ? Address.Parse(c.GetString()!) : CallerAddress;
            var snapshot = machine.World.Snapshot();
            machine.Start(new RootLaunch(address, caller, program!, Hex.Decode(step.GetProperty("calldata").GetString()!), 100_000_000));
            var status = machine.Run();
            var expect = step.GetProperty("expect");
            var label = $"{contract} step {step.GetProperty("step").GetInt32()}";
            Assert.True((expect.GetProperty("status").GetString() == "ok" ? MachineStatus.Returned : MachineStatus.Reverted) == status, $"{label}: {status}");
            Assert.Equal(expect.GetProperty("returndata").GetString(), Hex.Encode(machine.ReturnData.Span));
            if (status != MachineStatus.Returned)
            {
                machine.World.Rollback(world, snapshot);
            }
            var queries = machine.World.Events.Skip(snapshot.Events).ToList();
            var expectedEvents = expect.TryGetProperty("events", out var e) ? e.GetArrayLength() : 0;
            Assert.Equal(expectedEvents, queries.Count(q => q.IsFirst));
            Assert.All(queries, q => Assert.Equal(Address.FromUInt64(0x800D), q.Address));
            Assert.All(queries.Where(q => q.IsFirst), q => Assert.Equal(address.ToUInt256(), q.Value));

            // Reassembled, the queries are exactly the expected events: emitter, topics and data.
            var reader = new EraEventReader();
            var position = 0;
            foreach (var expected in expectedEvents == 0 ? [] : e.EnumerateArray().ToArray())
            {
                Assert.True(reader.TryNext(queries.ToArray(), ref position, out var emitter, out var topics, out var data), label);
                Assert.Equal(address, emitter);
                Assert.Equal(expected.GetProperty("topics").EnumerateArray().Select(t => UInt256.Parse(t.GetString()!)), topics.ToArray());
                Assert.Equal(expected.GetProperty("data").GetString(), Hex.Encode(data));
            }
            Assert.False(reader.TryNext(queries.ToArray(), ref position, out _, out _, out _), label);
        }
    }

    private static JsonElement Step(string contract, int step) =>
        Cases.EnumerateArray().Single(c => c.GetProperty("contract").GetString() == contract && c.GetProperty("step").GetInt32() == step);

    private static byte[] Artifact(string name) =>
        Hex.Decode(JsonDocument.Parse(File.ReadAllText(SharedData.EraVm($"contracts/{name}.hardhat-deploy.json"))).RootElement.GetProperty("bytecode").GetString()!);

    /// <summary>The "dummy deployer" of era-zkevm_tester: the constructor runs as the root with r2 = 1.</summary>
    private static void Deploy(EraVmMachine machine, InMemoryEraWorld world, Address address, byte[] bytecode, byte[] constructorCalldata)
    {
        var hash = world.AddCode(bytecode);
        world.SetCodeHash(address, VersionedHash.WithMarker(hash, underConstruction: true));
        world.TryDecommit(hash, out var program);
        machine.Start(new RootLaunch(address, CallerAddress, program!, constructorCalldata, 100_000_000, CallFlags: 1));
        Assert.Equal(MachineStatus.Returned, machine.Run());
        world.SetCodeHash(address, hash);
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
