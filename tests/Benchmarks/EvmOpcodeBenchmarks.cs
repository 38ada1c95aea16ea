// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using ZkOs.Framework.Execution;

namespace ZkOs.Benchmarks;

/// <summary>
/// One opcode at a time through the production dispatch table: a long straight-line program that repeats
/// the opcode with the few stack instructions it needs (DUP2 DUP2 op POP for a binary op, DUP1 op POP for
/// a unary one, PUSH1 POP for PUSH1, …), called through <see cref="ZkOs.Bootloader.Runner.FrameRunner"/>
/// and the EVM frame into <c>EvmInterpreter.Run</c>. The time is per instruction executed (the helpers
/// included: they are the cheapest instructions, so this is a floor for the op and a ceiling for them),
/// with the fixed cost of one call spread over <see cref="BodyInstructions"/>. No PUSH32: 33 bytes of code
/// per instruction would make the jump analysis the figure.
/// </summary>
/// <remarks>
/// With BenchmarkDotNet's default toolchain each parameter runs in its own process, so PGO sees one opcode
/// only and the figures are per-opcode best cases; with <c>--inProcess</c> the opcodes share one process
/// and the later ones run on a dispatch loop tiered on the earlier ones. Either way the mixed workloads of
/// <c>zkos bench</c> are the honest measure.
/// </remarks>
[MemoryDiagnoser]
public class EvmOpcodeBenchmarks
{
    /// <summary>
    /// Instructions of body per run, the same for every opcode (divisible by every body length, 1 to 5) so
    /// one <see cref="BenchmarkAttribute.OperationsPerInvoke"/> fits all; the setup and the final STOP add at
    /// most 4 more (0.007%). Long enough that the call's fixed cost is spread thin; the code's jump analysis
    /// grows with it, so it stays in every figure (JUMPDEST, one byte per instruction, shows that floor).
    /// </summary>
    public const int BodyInstructions = 60_000;

    private static readonly byte[] Large1 = Convert.FromHexString("c2f3a1b0e4d5968778695a4b3c2d1e0ff0e1d2c3b4a5968778695a4b3c2d1e0f");
    private static readonly byte[] Large2 = Convert.FromHexString("0000000000000000000000000000000001f2e3d4c5b6a79889706a5b4c3d2e1f");

    private EvmBenchProgram _program = null!;

    [ParamsSource(nameof(Opcodes))]
    public string Opcode { get; set; } = "";

    public static IEnumerable<string> Opcodes =>
    [
        "ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "ADDMOD", "MULMOD", "EXP", "SIGNEXTEND", "LT", "SLT", "EQ", "ISZERO",
        "AND", "XOR", "NOT", "BYTE", "SHL", "SHR", "SAR", "KECCAK256", "MLOAD", "MSTORE", "PUSH1", "DUP1",
        "SWAP1", "JUMPDEST", "PC", "GAS", "CALLDATALOAD", "SLOAD",
    ];

    [GlobalSetup]
    public void Setup()
    {
        _program = new EvmBenchProgram(Program(Opcode).Code);
        var outcome = _program.Call(ReadOnlyMemory<byte>.Empty);
        if (!outcome.IsSuccess)
        {
            throw new InvalidOperationException($"{Opcode}: the program failed ({outcome.Error}).");
        }
    }

    [Benchmark(OperationsPerInvoke = BodyInstructions)]
    public FrameStatus Run() => _program.Call(ReadOnlyMemory<byte>.Empty).Status;

    /// <summary>The program for an opcode and how many instructions one run executes.</summary>
    internal static (byte[] Code, int Instructions) Program(string opcode)
    {
        var code = new List<byte>();
        void Push32(byte[] word)
        {
            code.Add(0x7f);
            code.AddRange(word);
        }
        void Push1(byte value)
        {
            code.Add(0x60);
            code.Add(value);
        }

        // Setup leaves the operands on the stack (the top last); the body then repeats.
        (int setup, byte[] body) = opcode switch
        {
            "ADD" => Binary(0x01),
            "MUL" => Binary(0x02),
            "SUB" => Binary(0x03),
            "DIV" => Binary(0x04),
            "SDIV" => Binary(0x05),
            "MOD" => Binary(0x06),
            "EXP" => Binary(0x0a),
            "LT" => Binary(0x10),
            "SLT" => Binary(0x12),
            "EQ" => Binary(0x14),
            "AND" => Binary(0x16),
            "XOR" => Binary(0x18),
            "ADDMOD" => Ternary(0x08),
            "MULMOD" => Ternary(0x09),
            "SIGNEXTEND" => Shift(0x0b, 15),
            "BYTE" => Shift(0x1a, 5),
            "SHL" => Shift(0x1b, 17),
            "SHR" => Shift(0x1c, 17),
            "SAR" => Shift(0x1d, 17),
            "ISZERO" => Unary(0x15),
            "NOT" => Unary(0x19),
            "MLOAD" => Setup(() => Push1(0), [0x80, 0x51, 0x50], 1),
            "MSTORE" => Setup(() => { Push32(Large1); Push1(0); }, [0x81, 0x81, 0x52], 2),
            "KECCAK256" => Setup(() => { Push1(32); Push1(0); }, [0x81, 0x81, 0x20, 0x50], 2),
            "CALLDATALOAD" => Setup(() => Push1(0), [0x80, 0x35, 0x50], 1),
            "SLOAD" => Setup(() => Push1(0), [0x80, 0x54, 0x50], 1),
            "PUSH1" => (0, [0x60, 0x2a, 0x50]),
            "DUP1" => Setup(() => Push1(1), [0x80, 0x50], 1),
            "SWAP1" => Setup(() => { Push1(1); Push1(2); }, [0x90], 2),
            "JUMPDEST" => (0, [0x5b]),
            "PC" => (0, [0x58, 0x50]),
            "GAS" => (0, [0x5a, 0x50]),
            _ => throw new ArgumentException($"no program for {opcode}", nameof(opcode)),
        };
        var bodyInstructions = CountInstructions(body);
        for (var i = 0; i < BodyInstructions / bodyInstructions; i++)
        {
            code.AddRange(body);
        }
        code.Add(0x00);
        return ([.. code], setup + BodyInstructions + 1);

        (int, byte[]) Binary(byte op) => Setup(() => { Push32(Large2); Push32(Large1); }, [0x81, 0x81, op, 0x50], 2);
        (int, byte[]) Ternary(byte op) => Setup(() => { Push32(Large2); Push32(Large1); Push32(Large1); }, [0x82, 0x82, 0x82, op, 0x50], 3);
        (int, byte[]) Shift(byte op, byte amount) => Setup(() => { Push32(Large1); Push1(amount); }, [0x81, 0x81, op, 0x50], 2);
        (int, byte[]) Unary(byte op) => Setup(() => Push32(Large1), [0x80, op, 0x50], 1);
        (int, byte[]) Setup(Action emit, byte[] body, int setupInstructions)
        {
            emit();
            return (setupInstructions, body);
        }
    }

    /// <summary>Instructions in straight-line code: a PUSHn carries n immediate bytes.</summary>
    private static int CountInstructions(byte[] body)
    {
        var count = 0;
        for (var i = 0; i < body.Length; i++, count++)
        {
            if (body[i] is >= 0x60 and <= 0x7f)
            {
                i += body[i] - 0x5f;
            }
        }
        return count;
    }
}
