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

    private byte[] _precompileBuffer = new byte[256];

    /// <summary>
    /// Runs the circuit of the current contract. ABI fields from low to high: input byte offset, input
    /// byte length, output offset (in 32-byte words), output length (words), read page, write page (0 =
    /// the frame's heap for both). Only keccak-256 is implemented: it hashes the input bytes and writes the
    /// digest as one word. sha256, ecrecover, P256 and the EVM precompile circuits are not wired yet.
    /// </summary>
    internal void RunPrecompile(in UInt256 abi)
    {
        var circuit = (ushort)Current.This.ToUInt256().U0;
        if (circuit != Keccak256Circuit)
        {
            return;
        }
        var inputOffset = (uint)abi.U0;
        var inputLength = (uint)(abi.U0 >> 32);
        var outputWord = (uint)abi.U1;
        var readPage = (uint)abi.U2 is var r && r != 0 ? r : Current.HeapPage;
        var writePage = (uint)(abi.U2 >> 32) is var w && w != 0 ? w : Current.HeapPage;
        var length = (int)Math.Min(inputLength, (uint)Array.MaxLength);
        if (_precompileBuffer.Length < length)
        {
            _precompileBuffer = new byte[Math.Max(length, _precompileBuffer.Length * 2)];
        }
        var input = _precompileBuffer.AsSpan(0, length);
        input.Clear();
        FindPage(readPage)?.Read(inputOffset, input);
        Span<byte> digest = stackalloc byte[32];
        Keccak256.Hash(input, digest);
        Page(writePage).Write((ulong)outputWord * 32, digest);
    }
}
