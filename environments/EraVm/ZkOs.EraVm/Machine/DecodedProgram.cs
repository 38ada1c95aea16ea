// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Instructions;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// A bytecode decoded once: its instructions (plus one invalid-instruction sentinel that every pc past the
/// end lands on, as in vm2) and its code page as 256-bit words for <c>code[...]</c> operands.
/// </summary>
public sealed class DecodedProgram
{
    private DecodedProgram(DecodedInstruction[] instructions, UInt256[] codeWords, byte[] bytecode)
    {
        Instructions = instructions;
        CodeWords = codeWords;
        Bytecode = bytecode;
    }

    /// <summary>Count + 1 entries; the last is the invalid sentinel.</summary>
    public DecodedInstruction[] Instructions { get; }

    public int Count => Instructions.Length - 1;

    public UInt256[] CodeWords { get; }

    public byte[] Bytecode { get; }

    /// <summary>
    /// Decodes whole 32-byte words; a trailing partial word is zero-padded (versioned-hash checks that
    /// reject such code happen where code is published, not here). At most 2^16 instructions are
    /// reachable by a 16-bit pc.
    /// </summary>
    public static DecodedProgram Decode(ReadOnlySpan<byte> bytecode)
    {
        var words = (bytecode.Length + 31) / 32;
        var padded = new byte[words * 32];
        bytecode.CopyTo(padded);
        var codeWords = new UInt256[words];
        for (var w = 0; w < words; w++)
        {
            codeWords[w] = UInt256.ReadBigEndian(padded.AsSpan(w * 32, 32));
        }
        var count = Math.Min(words * 4, 1 << 16);
        var instructions = new DecodedInstruction[count + 1];
        for (var i = 0; i < count; i++)
        {
            var raw = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(padded.AsSpan(i * 8, 8));
            instructions[i] = EraVmDispatch.Decode(raw);
        }
        instructions[count] = EraVmDispatch.Decode(0);
        return new DecodedProgram(instructions, codeWords, padded);
    }

    /// <summary>A program whose only instruction panics: what a failed far call runs (eravm.md §3 step 5).</summary>
    public static DecodedProgram Panicking { get; } = CreatePanicking();

    private static DecodedProgram CreatePanicking()
    {
        var instructions = new DecodedInstruction[2];
        instructions[0] = EraVmDispatch.Decode(EraVmDispatch.PanicWord);
        instructions[1] = EraVmDispatch.Decode(0);
        return new DecodedProgram(instructions, [], []);
    }
}
