// SPDX-License-Identifier: MIT
using ZkOs.Evm.Tests.Infrastructure;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests;

/// <summary>STOP, JUMP, JUMPI, JUMPDEST, PC, GAS, and the end of the code.</summary>
public sealed class ControlTests
{
    [Fact]
    public void Stop_returns_with_no_output()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(1).Stop().Push(2));
        run.AssertHalted();
        Assert.Equal(FrameStatus.Returned, run.Outcome);
        Assert.Equal(0UL, run.OutputLength);
        Assert.Equal(3, run.Pc);
        Assert.Equal(UInt256.One, run.Top);
    }

    [Fact]
    public void Running_off_the_end_of_the_code_stops()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(1).Push(2).Add());
        run.AssertHalted();
        Assert.Equal(FrameStatus.Returned, run.Outcome);
        Assert.Equal(new UInt256(3), run.Top);
        Assert.Equal(9, run.GasUsed);
        Assert.Equal(70 + 70 + 60 + 20, run.NativeUsed);
    }

    [Fact]
    public void Empty_code_stops_at_once()
    {
        using var run = EvmMachine.Run([]);
        run.AssertHalted();
        Assert.Equal(0, run.GasUsed);
        Assert.Equal(20, run.NativeUsed);
    }

    [Fact]
    public void Jump_lands_on_a_jumpdest()
    {
        // 0: PUSH1 4  2: JUMP  3: INVALID  4: JUMPDEST  5: PUSH1 1  7: STOP
        using var run = EvmMachine.Run(new Bytecode().Push(4).Jump().Op(0xfe).JumpDest().Push(1).Stop());
        run.AssertHalted();
        Assert.Equal(UInt256.One, run.Top);
        Assert.Equal(3 + 8 + 1 + 3, run.GasUsed);
        Assert.Equal(70 + 80 + 50 + 70 + 20, run.NativeUsed);
    }

    [Fact]
    public void JumpI_jumps_when_the_condition_is_not_zero()
    {
        // 0: PUSH1 1  2: PUSH1 7  4: JUMPI  5: PUSH1 9  7: JUMPDEST  8: STOP
        using var run = EvmMachine.Run(new Bytecode().Push(1).Push(7).JumpI().Push(9).JumpDest().Stop());
        run.AssertHalted();
        Assert.Equal(0, run.Depth);
        Assert.Equal(3 + 3 + 10 + 1, run.GasUsed);
        Assert.Equal(70 + 70 + 110 + 50 + 20, run.NativeUsed);
    }

    [Fact]
    public void JumpI_falls_through_on_zero_even_to_an_invalid_destination()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(0).Push(0xff).JumpI().Push(9).Stop());
        run.AssertHalted();
        Assert.Equal(new UInt256(9), run.Top);
    }

    [Fact]
    public void A_condition_with_only_high_bits_set_is_true()
    {
        var condition = new UInt256(0, 0, 0, 1UL << 63);
        using var run = EvmMachine.Run(new Bytecode().Push(32, condition).Push(37).JumpI().Op(0xfe).JumpDest().Stop());
        run.AssertHalted();
    }

    [Fact]
    public void A_jumpdest_byte_inside_push_data_is_not_a_destination()
    {
        // 0: PUSH1 4  2: JUMP  3: PUSH1 0x5b (the 0x5b at offset 4 is data)  5: STOP
        using var run = EvmMachine.Run(new Bytecode().Push(4).Jump().Push(0x5b).Stop());
        run.AssertFaulted(ExecutionError.InvalidJump);
        Assert.Equal(2, run.Pc);
    }

    [Theory]
    [InlineData(3)] // an ordinary opcode
    [InlineData(6)] // past the end of the code (the padding)
    [InlineData(1000)]
    public void Jumping_anywhere_but_a_jumpdest_faults(ulong destination)
    {
        using var run = EvmMachine.Run(new Bytecode().Push(destination).Jump().Push(1).Stop());
        run.AssertFaulted(ExecutionError.InvalidJump);
    }

    [Fact]
    public void A_destination_that_does_not_fit_64_bits_faults()
    {
        // The low limb names the JUMPDEST at 34; the high limb must still make it invalid.
        var destination = new UInt256(34, 1);
        using var run = EvmMachine.Run(new Bytecode().Push(32, destination).Jump().JumpDest().Stop());
        run.AssertFaulted(ExecutionError.InvalidJump);
    }

    [Fact]
    public void A_loop_counts_down_to_zero()
    {
        // counter = 5; loop: JUMPDEST; counter -= 1; if counter != 0 goto loop
        var code = new Bytecode().Push(5);
        var loop = code.Position;
        code.JumpDest().Push(1).Swap(1).Sub().Dup(1).Push((ulong)loop).JumpI().Stop();
        using var run = EvmMachine.Run(code);
        run.AssertHalted();
        Assert.Equal(UInt256.Zero, run.Top);
        // PUSH1 5, then five rounds of JUMPDEST PUSH1 SWAP1 SUB DUP1 PUSH1 JUMPI, then STOP.
        Assert.Equal(3 + 5 * (1 + 3 + 3 + 3 + 3 + 3 + 10), run.GasUsed);
    }

    [Fact]
    public void Pc_is_the_offset_of_the_instruction()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(0).Pop().Pc().Stop());
        run.AssertHalted();
        Assert.Equal(new UInt256(3), run.Top);
        Assert.Equal(3 + 2 + 2, run.GasUsed);
        Assert.Equal(70 + 50 + 70 + 20, run.NativeUsed);
    }

    [Fact]
    public void Gas_is_what_is_left_after_its_own_charge()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(0).Gas().Stop(), gas: 100);
        run.AssertHalted();
        Assert.Equal(new UInt256(100 - 3 - 2), run.Top);
    }
}
