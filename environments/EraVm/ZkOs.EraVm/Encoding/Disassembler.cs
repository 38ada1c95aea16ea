// SPDX-License-Identifier: MIT
using System.Buffers.Binary;

namespace ZkOs.EraVm.Encoding;

/// <summary>
/// Turns EraVM bytecode into a listing. The code page mixes instructions with the constant pool and the
/// metadata hash, and nothing in the bytes marks the boundary, so the text section is taken to end at the
/// first word that is all zero (zksolc pads the instructions to a word boundary with zero slots, and an
/// all-zero instruction word would be `invalid`, which compiled code never contains).
/// </summary>
public static class Disassembler
{
    public static IEnumerable<(int Pc, ulong Word, Instruction Instruction)> Decode(ReadOnlyMemory<byte> bytecode)
    {
        var count = bytecode.Length / 8;
        for (var pc = 0; pc < count; pc++)
        {
            var word = BinaryPrimitives.ReadUInt64BigEndian(bytecode.Span[(pc * 8)..]);
            if (word == 0)
            {
                yield break;
            }
            yield return (pc, word, Instruction.Decode(word));
        }
    }

    /// <summary>One line per instruction: pc, raw 64-bit word, LLVM text.</summary>
    public static IEnumerable<string> Listing(ReadOnlyMemory<byte> bytecode) =>
        Decode(bytecode).Select(d => $"{d.Pc,5}  {d.Word:x16}  {LlvmFormatter.Format(d.Instruction)}");
}
