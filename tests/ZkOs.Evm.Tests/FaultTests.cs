// SPDX-License-Identifier: MIT
using ZkOs.Evm.Tests.Infrastructure;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests;

/// <summary>
/// How the loop ends a frame exceptionally: undefined opcodes, opcodes newer than the fork, state
/// changes in a static frame, and running out of gas or native. (That an exceptional halt burns all the
/// frame's gas is the frame lifecycle's part: it zeroes the ergs on any fault.)
/// </summary>
public sealed class FaultTests
{
    public static TheoryData<byte> Undefined => [.. Enumerable.Range(0, 256).Select(i => (byte)i).Where(IsUndefined)];

    private static bool IsUndefined(byte op) =>
        op is (>= 0x0c and <= 0x0f) or (>= 0x1e and <= 0x1f) or (>= 0x21 and <= 0x2f) or (>= 0x4b and <= 0x4f)
            or (>= 0xa5 and <= 0xef) or (>= 0xf6 and <= 0xf9) or 0xfb or 0xfc or 0xfe;

    [Theory]
    [MemberData(nameof(Undefined))]
    public void Undefined_opcodes_and_INVALID_fault(byte opcode)
    {
        using var run = EvmMachine.Run(new Bytecode().Push(1).Op(opcode).Stop());
        run.AssertFaulted(ExecutionError.InvalidOpcode);
        Assert.Equal(2, run.Pc);
        Assert.Null(EvmInterpreter.Opcodes.Find(opcode));
    }

    [Fact]
    public void There_are_148_defined_opcodes()
    {
        Assert.Equal(256 - 148, Undefined.Count);
    }

    [Theory]
    [InlineData(0x1b, EvmFork.Byzantium, EvmFork.Constantinople)] // SHL
    [InlineData(0x1d, EvmFork.Byzantium, EvmFork.Constantinople)] // SAR
    [InlineData(0x5f, EvmFork.London, EvmFork.Shanghai)] // PUSH0
    [InlineData(0x5e, EvmFork.Shanghai, EvmFork.Cancun)] // MCOPY
    [InlineData(0x5c, EvmFork.Shanghai, EvmFork.Cancun)] // TLOAD
    [InlineData(0x49, EvmFork.Shanghai, EvmFork.Cancun)] // BLOBHASH
    [InlineData(0x4a, EvmFork.Shanghai, EvmFork.Cancun)] // BLOBBASEFEE
    [InlineData(0x48, EvmFork.Berlin, EvmFork.London)] // BASEFEE
    [InlineData(0x46, EvmFork.Constantinople, EvmFork.Istanbul)] // CHAINID
    [InlineData(0x47, EvmFork.Constantinople, EvmFork.Istanbul)] // SELFBALANCE
    [InlineData(0x3d, EvmFork.Homestead, EvmFork.Byzantium)] // RETURNDATASIZE
    [InlineData(0xfd, EvmFork.Homestead, EvmFork.Byzantium)] // REVERT
    [InlineData(0xfa, EvmFork.Homestead, EvmFork.Byzantium)] // STATICCALL
    [InlineData(0xf4, EvmFork.Frontier, EvmFork.Homestead)] // DELEGATECALL
    [InlineData(0xf5, EvmFork.Byzantium, EvmFork.Constantinople)] // CREATE2
    [InlineData(0x3f, EvmFork.Byzantium, EvmFork.Constantinople)] // EXTCODEHASH
    public void Opcodes_are_invalid_before_their_fork(byte opcode, EvmFork before, EvmFork since)
    {
        using var run = EvmMachine.Run([opcode], fork: before);
        run.AssertFaulted(ExecutionError.InvalidOpcode);
        Assert.Equal(since.ToString(), EvmInterpreter.Opcodes.Find(opcode)!.Value.Since);
    }

    [Theory]
    [InlineData(new byte[] { 0x60, 0x01, 0x60, 0x00, 0x55 })] // SSTORE
    [InlineData(new byte[] { 0x60, 0x01, 0x60, 0x00, 0x5d })] // TSTORE
    [InlineData(new byte[] { 0x60, 0x00, 0x60, 0x00, 0xa0 })] // LOG0
    [InlineData(new byte[] { 0x60, 0x00, 0x60, 0x00, 0x60, 0x00, 0xf0 })] // CREATE
    [InlineData(new byte[] { 0x60, 0x00, 0xff })] // SELFDESTRUCT
    public void State_changes_fault_in_a_static_frame(byte[] code)
    {
        using var run = EvmMachine.Run(code, isStatic: true);
        run.AssertFaulted(ExecutionError.StaticStateChange);
        Assert.Equal(code.Length - 1, run.Pc);
    }

    [Fact]
    public void The_exact_gas_and_native_of_a_small_program()
    {
        // PUSH1 7, PUSH1 13, ADD, STOP: 3 + 3 + 3 gas; (20 + 50) * 2 + (20 + 40) + 20 native.
        using var run = EvmMachine.Run(new Bytecode().Push(7).Push(13).Add().Stop());
        run.AssertHalted();
        Assert.Equal(new UInt256(20), run.Top);
        Assert.Equal(9, run.GasUsed);
        Assert.Equal(220, run.NativeUsed);
    }

    [Fact]
    public void Running_out_of_gas_faults_at_the_instruction_with_nothing_left()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(7).Push(13).Add().Stop(), gas: 8);
        run.AssertFaulted(ExecutionError.OutOfErgs);
        Assert.Equal(4, run.Pc);
        Assert.Equal(0, run.ErgsLeft);
        Assert.Equal(2, run.Depth);
    }

    [Fact]
    public void Exactly_enough_gas_succeeds()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(7).Push(13).Add().Stop(), gas: 9);
        run.AssertHalted();
        Assert.Equal(0, run.ErgsLeft);
    }

    [Fact]
    public void Running_out_of_native_faults_even_with_gas_left()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(7).Push(13).Add().Stop(), native: 199);
        run.AssertFaulted(ExecutionError.OutOfNative);
        Assert.Equal(4, run.Pc);
        Assert.Equal(0, run.NativeLeft);
    }

    [Fact]
    public void Stop_itself_costs_the_instruction_step()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(7).Push(13).Add().Stop(), native: 219);
        run.AssertFaulted(ExecutionError.OutOfNative);
        Assert.Equal(5, run.Pc);
    }
}
