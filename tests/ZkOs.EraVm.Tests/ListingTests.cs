// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Encoding;

namespace ZkOs.EraVm.Tests;

public sealed class ListingTests
{
    public static TheoryData<string> Contracts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SharedData.EraVm("system_contracts"), "*.zasm").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    /// <summary>Each listing parses, and its text section equals the instructions at the head of the .zbin.</summary>
    /// <summary>Text section and constant pool (jump tables included) equal the .zbin up to its metadata hash.</summary>
    [Theory]
    [MemberData(nameof(Contracts))]
    public void SystemContractListing_TextAndConstantPool_EqualTheZbinUpToTheMetadataHash(string name)
    {
        var program = ZasmAssembler.Assemble(File.ReadAllText(SharedData.EraVm($"system_contracts/{name}.zasm")));
        var bytecode = File.ReadAllBytes(SharedData.EraVm($"system_contracts/{name}.zbin"));
        Assert.True(program.ContentLength <= bytecode.Length);
        Assert.Equal(Convert.ToHexString(bytecode.AsSpan(0, program.ContentLength)), Convert.ToHexString(program.Bytecode.AsSpan(0, program.ContentLength)));
    }

    /// <summary>era-compiler-tests: default.zasm returns 42; return_calldata_ptr.zasm ends in an exception.</summary>
    [Theory]
    [InlineData("era-compiler-tests_default.zasm", true)]
    [InlineData("era-compiler-tests_return_calldata_ptr.zasm", false)]
    public void CompilerTestListing_RunAsTheRoot_GivesItsExpectedResult(string file, bool returns42)
    {
        var program = ZasmAssembler.Assemble(File.ReadAllText(SharedData.EraVm($"asm-tests/{file}")));
        var machine = new ZkOs.EraVm.Machine.EraVmMachine(new ZkOs.EraVm.World.InMemoryEraWorld());
        var contract = ZkOs.Framework.Primitives.Address.FromUInt64(0x1_0000);
        machine.Start(new ZkOs.EraVm.Machine.RootLaunch(contract, contract, ZkOs.EraVm.Machine.DecodedProgram.Decode(program.Bytecode), new byte[4], 10_000_000));

        var status = machine.Run();

        if (returns42)
        {
            Assert.Equal(ZkOs.EraVm.Machine.MachineStatus.Returned, status);
            Assert.Equal(new ZkOs.Framework.Numerics.UInt256(42), ZkOs.Framework.Numerics.UInt256.ReadBigEndian(machine.ReturnData.Span));
        }
        else
        {
            Assert.Equal(ZkOs.EraVm.Machine.MachineStatus.Panicked, status);
        }
    }

    /// <summary>
    /// zksync-era's deep_stak: near calls recursing into themselves until the ergs run out, every level's
    /// handler recursing again; the root ends in a panic with nothing left.
    /// </summary>
    [Fact]
    public void DeepStackListing_NearCallsUntilOutOfErgs_PanicsWithNoErgsLeft()
    {
        var program = ZasmAssembler.Assemble(File.ReadAllText(SharedData.EraVm("asm-tests/zksync-era_deep_stak.zkasm")));
        var machine = new ZkOs.EraVm.Machine.EraVmMachine(new ZkOs.EraVm.World.InMemoryEraWorld());
        var contract = ZkOs.Framework.Primitives.Address.FromUInt64(0x1_0000);
        machine.Start(new ZkOs.EraVm.Machine.RootLaunch(contract, contract, ZkOs.EraVm.Machine.DecodedProgram.Decode(program.Bytecode), ReadOnlyMemory<byte>.Empty, 2_000_000));

        Assert.Equal(ZkOs.EraVm.Machine.MachineStatus.Panicked, machine.Run());
        Assert.Equal(0u, machine.RootErgsLeft);
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void SystemContractListingAssemblesToItsBytecode(string name)
    {
        var program = ZasmAssembler.Assemble(File.ReadAllText(SharedData.EraVm($"system_contracts/{name}.zasm")));
        var bytecode = File.ReadAllBytes(SharedData.EraVm($"system_contracts/{name}.zbin"));
        var decoded = Disassembler.Decode(bytecode).Select(d => d.Word).Take(program.Instructions.Count).ToList();
        Assert.Equal(program.Instructions, decoded);
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void DisassemblyPrintsOneLinePerInstruction(string name)
    {
        var program = ZasmAssembler.Assemble(File.ReadAllText(SharedData.EraVm($"system_contracts/{name}.zasm")));
        var listing = Disassembler.Listing(File.ReadAllBytes(SharedData.EraVm($"system_contracts/{name}.zbin"))).ToList();
        // The text section ends at the zero padding; when the count is a multiple of 4 there is none and
        // the listing runs on into the constant pool, so only the head is compared.
        Assert.True(listing.Count >= program.Instructions.Count);
        if (program.Instructions.Count % 4 != 0)
        {
            Assert.Equal(program.Instructions.Count, listing.Count);
        }
        for (var pc = 0; pc < program.Instructions.Count; pc++)
        {
            var fields = listing[pc].TrimStart().Split("  ", 3, StringSplitOptions.TrimEntries);
            Assert.Equal(pc, int.Parse(fields[0]));
            Assert.Equal(program.Instructions[pc], Convert.ToUInt64(fields[1], 16));
            Assert.Equal(program.Instructions[pc], AssemblyParser.ParseLlvm(fields[2]).Encode());
        }
    }
}
