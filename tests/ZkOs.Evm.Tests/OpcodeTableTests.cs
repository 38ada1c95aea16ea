// SPDX-License-Identifier: MIT
using System.Globalization;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;

namespace ZkOs.Evm.Tests;

/// <summary>
/// The generated opcode metadata against an independent listing of Cancun: every opcode, its stack
/// shape, its static gas (Yellow Paper and EIPs; the rows whose whole price the system charges are 0)
/// and zksync-os's native (native_resource_constants.rs) plus the 20 of the instruction step.
/// </summary>
public sealed class OpcodeTableTests
{
    // opcode mnemonic stack_in stack_out gas native
    private const string Cancun = """
        00 STOP 0 0 0 0
        01 ADD 2 1 3 40
        02 MUL 2 1 5 40
        03 SUB 2 1 3 40
        04 DIV 2 1 5 270
        05 SDIV 2 1 5 580
        06 MOD 2 1 5 220
        07 SMOD 2 1 5 300
        08 ADDMOD 3 1 8 780
        09 MULMOD 3 1 8 470
        0a EXP 2 1 10 700
        0b SIGNEXTEND 2 1 5 250
        10 LT 2 1 3 80
        11 GT 2 1 3 80
        12 SLT 2 1 3 80
        13 SGT 2 1 3 80
        14 EQ 2 1 3 60
        15 ISZERO 1 1 3 50
        16 AND 2 1 3 70
        17 OR 2 1 3 70
        18 XOR 2 1 3 70
        19 NOT 1 1 3 60
        1a BYTE 2 1 3 70
        1b SHL 2 1 3 150
        1c SHR 2 1 3 150
        1d SAR 2 1 3 270
        20 KECCAK256 2 1 30 90
        30 ADDRESS 0 1 2 50
        31 BALANCE 1 1 0 60
        32 ORIGIN 0 1 2 50
        33 CALLER 0 1 2 50
        34 CALLVALUE 0 1 2 40
        35 CALLDATALOAD 1 1 3 300
        36 CALLDATASIZE 0 1 2 50
        37 CALLDATACOPY 3 0 3 100
        38 CODESIZE 0 1 2 50
        39 CODECOPY 3 0 3 100
        3a GASPRICE 0 1 2 60
        3b EXTCODESIZE 1 1 0 60
        3c EXTCODECOPY 4 0 0 100
        3d RETURNDATASIZE 0 1 2 50
        3e RETURNDATACOPY 3 0 3 100
        3f EXTCODEHASH 1 1 0 60
        40 BLOCKHASH 1 1 20 190
        41 COINBASE 0 1 2 60
        42 TIMESTAMP 0 1 2 50
        43 NUMBER 0 1 2 50
        44 PREVRANDAO 0 1 2 60
        45 GASLIMIT 0 1 2 60
        46 CHAINID 0 1 2 50
        47 SELFBALANCE 0 1 5 650
        48 BASEFEE 0 1 2 60
        49 BLOBHASH 1 1 3 40
        4a BLOBBASEFEE 0 1 2 40
        50 POP 1 0 2 30
        51 MLOAD 1 1 3 250
        52 MSTORE 2 0 3 250
        53 MSTORE8 2 0 3 80
        54 SLOAD 1 1 0 100
        55 SSTORE 2 0 0 100
        56 JUMP 1 0 8 60
        57 JUMPI 2 0 10 90
        58 PC 0 1 2 50
        59 MSIZE 0 1 2 50
        5a GAS 0 1 2 50
        5b JUMPDEST 0 0 1 30
        5c TLOAD 1 1 0 100
        5d TSTORE 2 0 0 100
        5e MCOPY 3 0 3 100
        5f PUSH0 0 1 2 40
        a0 LOG0 2 0 0 50
        a1 LOG1 3 0 0 50
        a2 LOG2 4 0 0 50
        a3 LOG3 5 0 0 50
        a4 LOG4 6 0 0 50
        f0 CREATE 3 1 32000 25000
        f1 CALL 7 1 0 1500
        f2 CALLCODE 7 1 0 1500
        f3 RETURN 2 0 0 70
        f4 DELEGATECALL 6 1 0 1500
        f5 CREATE2 4 1 32000 25000
        fa STATICCALL 6 1 0 1500
        fd REVERT 2 0 0 180
        ff SELFDESTRUCT 1 0 5000 3080
        """;

    private static readonly long[] _pushNative =
    [
        50, 60, 140, 150, 160, 160, 170, 170, 180, 180, 190, 190, 200, 200, 210, 210,
        220, 220, 230, 220, 250, 240, 240, 240, 270, 280, 280, 270, 290, 300, 300, 290,
    ];

    private static IEnumerable<(byte Opcode, string Mnemonic, int In, int Out, int Immediate, long Gas, long Native)> Expected()
    {
        foreach (var line in Cancun.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(' ');
            yield return (byte.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), f[1], int.Parse(f[2], CultureInfo.InvariantCulture),
                int.Parse(f[3], CultureInfo.InvariantCulture), 0, long.Parse(f[4], CultureInfo.InvariantCulture), long.Parse(f[5], CultureInfo.InvariantCulture));
        }
        for (var n = 1; n <= 32; n++)
        {
            yield return ((byte)(0x5f + n), $"PUSH{n}", 0, 1, n, 3, _pushNative[n - 1]);
        }
        for (var n = 1; n <= 16; n++)
        {
            yield return ((byte)(0x7f + n), $"DUP{n}", n, n + 1, 0, 3, 50);
            yield return ((byte)(0x8f + n), $"SWAP{n}", n + 1, n + 1, 0, 3, 60);
        }
    }

    [Fact]
    public void Every_Cancun_opcode_has_its_shape_gas_and_native()
    {
        var expected = Expected().ToList();
        Assert.Equal(148, expected.Count);
        foreach (var (opcode, mnemonic, stackIn, stackOut, immediate, gas, native) in expected)
        {
            var info = EvmInterpreter.Opcodes.Find(opcode);
            Assert.True(info.HasValue, $"0x{opcode:x2} {mnemonic} is missing");
            var row = info.Value;
            Assert.Equal(mnemonic, row.Mnemonic);
            Assert.True(stackIn == row.StackIn && stackOut == row.StackOut, $"{mnemonic}: stack {row.StackIn} → {row.StackOut}");
            Assert.True(immediate == row.ImmediateSize, $"{mnemonic}: immediate {row.ImmediateSize}");
            Assert.True(gas * (long)Resources.ErgsPerGas == row.Ergs, $"{mnemonic}: {row.Ergs} ergs, expected {gas} gas");
            Assert.True(native + 20 == row.Native, $"{mnemonic}: {row.Native} native, expected {native} + 20");
        }
    }

    [Theory]
    [InlineData(0x00, OpcodeFlags.Terminates)]
    [InlineData(0xf3, OpcodeFlags.Terminates)]
    [InlineData(0xfd, OpcodeFlags.Terminates)]
    [InlineData(0xff, OpcodeFlags.Terminates | OpcodeFlags.StaticForbidden)]
    [InlineData(0xf0, OpcodeFlags.Yields | OpcodeFlags.StaticForbidden)]
    [InlineData(0xf5, OpcodeFlags.Yields | OpcodeFlags.StaticForbidden)]
    [InlineData(0xf1, OpcodeFlags.Yields)]
    [InlineData(0xf2, OpcodeFlags.Yields)]
    [InlineData(0xf4, OpcodeFlags.Yields)]
    [InlineData(0xfa, OpcodeFlags.Yields)]
    [InlineData(0x55, OpcodeFlags.StaticForbidden)]
    [InlineData(0x5d, OpcodeFlags.StaticForbidden)]
    [InlineData(0xa0, OpcodeFlags.StaticForbidden)]
    [InlineData(0xa4, OpcodeFlags.StaticForbidden)]
    [InlineData(0x56, OpcodeFlags.Jumps)]
    [InlineData(0x57, OpcodeFlags.Jumps)]
    [InlineData(0x54, OpcodeFlags.None)]
    [InlineData(0x5c, OpcodeFlags.None)]
    public void Flags(byte opcode, OpcodeFlags flags) =>
        Assert.Equal(flags, EvmInterpreter.Opcodes.Find(opcode)!.Value.Flags);

    [Fact]
    public void Immediates_and_padding()
    {
        Assert.Equal(32, EvmInterpreter.Opcodes.MaxImmediateSize);
        Assert.Equal(EvmFrame.CodePadding, EvmInterpreter.Opcodes.RequiredPadding);
        Assert.Equal(0, EvmInterpreter.Opcodes.ImmediateSize(0x5f));
        Assert.Equal(1, EvmInterpreter.Opcodes.ImmediateSize(0x60));
        Assert.Equal(32, EvmInterpreter.Opcodes.ImmediateSize(0x7f));
    }

    [Fact]
    public void Named_costs_convert_gas_to_ergs()
    {
        Assert.Equal(20, EvmInterpreter.Costs.InstructionStepNative);
        Assert.Equal(0, EvmInterpreter.Costs.InstructionStepErgs);
        Assert.Equal(6, EvmInterpreter.Costs.BytecodePreprocessingByteNative);
        Assert.Equal(3 * 256, EvmInterpreter.Costs.MemoryWordErgs);
        Assert.Equal(50 * 256, EvmInterpreter.Costs.ExpByteErgs);
        Assert.Equal(5000, EvmInterpreter.Costs.ExpByteNative);
        Assert.Equal(2600 * 256, EvmInterpreter.Costs.ColdAccountAccessErgs);
        Assert.Equal(2100 * 256, EvmInterpreter.Costs.ColdSloadErgs);
        Assert.Equal(100 * 256, EvmInterpreter.Costs.WarmAccessErgs);
        Assert.Equal(200 * 256, EvmInterpreter.Costs.CodeDepositByteErgs);
        Assert.Equal(8 * 256, EvmInterpreter.Costs.LogByteErgs);
    }
}
