// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// The circuits behind <c>log.precompile</c> (eravm.md §2 "Precompile ABI"). The circuit is chosen by the
/// running contract's address; a contract at any other address only burns the extra ergs.
/// </summary>
public sealed partial class EraVmMachine
{
    /// <summary>The Keccak256 system contract's address (low 16 bits), whose circuit is keccak-256.</summary>
    public const ushort Keccak256Circuit = 0x8010;

    /// <summary>The SHA256 precompile contract's address, whose circuit is the SHA-256 round function.</summary>
    public const ushort Sha256Circuit = 0x0002;

    private byte[] _precompileBuffer = new byte[256];

    /// <summary>
    /// Runs the circuit of the current contract. ABI fields from low to high: input offset, input length,
    /// output offset (in 32-byte words), output length, read page, write page (0 = the frame's heap for
    /// both), and the circuit's own data (bits 192..255). Keccak-256 takes a byte offset and length and
    /// hashes those bytes; SHA-256 takes a word offset and its round count and compresses that many
    /// 64-byte blocks. Both write the digest as one word. ecrecover, P256 and the EVM precompile circuits
    /// are not wired yet.
    /// </summary>
    internal void RunPrecompile(in UInt256 abi)
    {
        var circuit = (ushort)Current.This.ToUInt256().U0;
        if (circuit is not (Keccak256Circuit or Sha256Circuit))
        {
            return;
        }
        var outputWord = (uint)abi.U1;
        var readPage = (uint)abi.U2 is var r && r != 0 ? r : Current.HeapPage;
        var writePage = (uint)(abi.U2 >> 32) is var w && w != 0 ? w : Current.HeapPage;
        var isKeccak = circuit == Keccak256Circuit;
        var inputOffset = isKeccak ? (uint)abi.U0 : (ulong)(uint)abi.U0 * 32;
        var inputLength = isKeccak ? (uint)(abi.U0 >> 32) : Math.Min(abi.U3, uint.MaxValue / 64) * 64;
        var length = (int)Math.Min(inputLength, (ulong)Array.MaxLength / 64 * 64);
        if (_precompileBuffer.Length < length)
        {
            _precompileBuffer = new byte[Math.Max(length, _precompileBuffer.Length * 2)];
        }
        var input = _precompileBuffer.AsSpan(0, length);
        input.Clear();
        FindPage(readPage)?.Read(inputOffset, input);
        Span<byte> digest = stackalloc byte[32];
        if (isKeccak)
        {
            Keccak256.Hash(input, digest);
        }
        else
        {
            Sha256Rounds.Compress(input, digest);
        }
        Page(writePage).Write((ulong)outputWord * 32, digest);
    }
}
