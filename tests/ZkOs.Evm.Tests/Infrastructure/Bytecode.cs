// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests.Infrastructure;

/// <summary>
/// A small assembler for test programs: <c>new Bytecode().Push(7).Push(13).Add().Stop()</c>. Opcode
/// bytes are written out here rather than taken from the generated <c>Opcodes</c> constants, so a
/// wrong table row cannot make its own test pass.
/// </summary>
public sealed class Bytecode
{
    private readonly List<byte> _bytes = [];

    /// <summary>The offset the next instruction will have (for jump targets).</summary>
    public int Position => _bytes.Count;

    public Bytecode Op(byte opcode)
    {
        _bytes.Add(opcode);
        return this;
    }

    public Bytecode Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    /// <summary>PUSHn with the fewest bytes that hold the value (PUSH1 for 0: PUSH0 is <see cref="Push0"/>).</summary>
    public Bytecode Push(UInt256 value)
    {
        var size = Math.Max(1, UInt256.ByteLength(in value));
        return Push(size, value);
    }

    public Bytecode Push(ulong value) => Push(new UInt256(value));

    public Bytecode Push(BigInteger value) => Push(Words.FromBig(value));

    /// <summary>PUSH<paramref name="size"/> with the value's low <paramref name="size"/> bytes.</summary>
    public Bytecode Push(int size, UInt256 value)
    {
        if (size is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(size));
        }
        Span<byte> word = stackalloc byte[32];
        value.WriteBigEndian(word);
        _bytes.Add((byte)(0x5f + size));
        _bytes.AddRange(word[(32 - size)..].ToArray());
        return this;
    }

    public Bytecode Push0() => Op(0x5f);

    public Bytecode Stop() => Op(0x00);
    public Bytecode Add() => Op(0x01);
    public Bytecode Mul() => Op(0x02);
    public Bytecode Sub() => Op(0x03);
    public Bytecode Div() => Op(0x04);
    public Bytecode Exp() => Op(0x0a);
    public Bytecode Lt() => Op(0x10);
    public Bytecode Eq() => Op(0x14);
    public Bytecode IsZero() => Op(0x15);
    public Bytecode Keccak256() => Op(0x20);
    public Bytecode CallDataLoad() => Op(0x35);
    public Bytecode CallDataSize() => Op(0x36);
    public Bytecode CallDataCopy() => Op(0x37);
    public Bytecode CodeSize() => Op(0x38);
    public Bytecode CodeCopy() => Op(0x39);
    public Bytecode ReturnDataSize() => Op(0x3d);
    public Bytecode ReturnDataCopy() => Op(0x3e);
    public Bytecode Pop() => Op(0x50);
    public Bytecode MLoad() => Op(0x51);
    public Bytecode MStore() => Op(0x52);
    public Bytecode MStore8() => Op(0x53);
    public Bytecode Jump() => Op(0x56);
    public Bytecode JumpI() => Op(0x57);
    public Bytecode Pc() => Op(0x58);
    public Bytecode MSize() => Op(0x59);
    public Bytecode Gas() => Op(0x5a);
    public Bytecode JumpDest() => Op(0x5b);
    public Bytecode MCopy() => Op(0x5e);

    public Bytecode Dup(int n) => n is >= 1 and <= 16 ? Op((byte)(0x7f + n)) : throw new ArgumentOutOfRangeException(nameof(n));

    public Bytecode Swap(int n) => n is >= 1 and <= 16 ? Op((byte)(0x8f + n)) : throw new ArgumentOutOfRangeException(nameof(n));

    /// <summary>MSTORE of <paramref name="value"/> at <paramref name="offset"/>.</summary>
    public Bytecode Store(ulong offset, UInt256 value) => Push(value).Push(offset).MStore();

    public byte[] ToArray() => [.. _bytes];

    public static implicit operator byte[](Bytecode code) => code.ToArray();
}
