// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Crypto;

/// <summary>
/// Keccak-256 as Ethereum uses it: the original Keccak submission's padding (domain byte 0x01),
/// not NIST SHA3-256 (0x06), so digests differ from <c>SHA3_256</c>. Rate 1088 bits (136 bytes),
/// capacity 512, 32-byte output.
/// </summary>
/// <remarks>
/// Written for throughput: the permutation keeps all 25 lanes in locals across every block of a
/// call, with the round steps fully unrolled and two rounds per loop iteration so the state
/// alternates between two sets of locals instead of being copied back. Input blocks are read
/// straight from the caller's span. Nothing allocates.
/// </remarks>
public sealed partial class Keccak256 : IHashFunction
{
    /// <summary>Digest size in bytes.</summary>
    public const int OutputSize = 32;

    /// <summary>Bytes absorbed per permutation (1600 - 2 * 256 bits).</summary>
    public const int Rate = 136;

    /// <summary>The shared instance, for code that selects hashes through <see cref="IHashFunction"/>.</summary>
    public static Keccak256 Instance { get; } = new();

    private Keccak256()
    {
    }

    string IHashFunction.Name => "keccak256";

    int IHashFunction.OutputSize => OutputSize;

    void IHashFunction.Hash(ReadOnlySpan<byte> input, Span<byte> output) => Hash(input, output);

    /// <summary>Writes the Keccak-256 digest of <paramref name="input"/> to the first 32 bytes of <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < OutputSize)
            ThrowOutputTooSmall(output.Length);
        KeccakLanes state = default;
        AbsorbAll(ref state, input);
        WriteDigest(in state, output);
    }

    /// <summary>The Keccak-256 digest of <paramref name="input"/>.</summary>
    public static Bytes32 Hash(ReadOnlySpan<byte> input)
    {
        KeccakLanes state = default;
        AbsorbAll(ref state, input);
        return ToBytes32(in state);
    }

    /// <summary>Absorbs a whole message (full blocks, then the padded tail).</summary>
    private static void AbsorbAll(ref KeccakLanes state, ReadOnlySpan<byte> input)
    {
        int blocks = input.Length / Rate;
        if (blocks > 0)
            Absorb(ref state, ref MemoryMarshal.GetReference(input), blocks);
        AbsorbLast(ref state, input[(blocks * Rate)..]);
    }

    /// <summary>
    /// Pads the final partial block (fewer than <see cref="Rate"/> bytes, possibly none) with the
    /// Keccak multi-rate padding 0x01 ... 0x80 and absorbs it.
    /// </summary>
    [SkipLocalsInit]
    private static void AbsorbLast(ref KeccakLanes state, ReadOnlySpan<byte> tail)
    {
        // Zeroed explicitly because SkipLocalsInit leaves it undefined; only the bytes after the tail need it.
        Unsafe.SkipInit(out KeccakBlock last);
        Span<byte> block = last;
        tail.CopyTo(block);
        block[tail.Length..].Clear();
        block[tail.Length] ^= 0x01;
        block[Rate - 1] ^= 0x80;
        Absorb(ref state, ref block[0], 1);
    }

    private static void WriteDigest(in KeccakLanes state, Span<byte> output)
    {
        // Lanes are little-endian on the wire regardless of the host.
        BinaryPrimitives.WriteUInt64LittleEndian(output, state[0]);
        BinaryPrimitives.WriteUInt64LittleEndian(output[8..], state[1]);
        BinaryPrimitives.WriteUInt64LittleEndian(output[16..], state[2]);
        BinaryPrimitives.WriteUInt64LittleEndian(output[24..], state[3]);
    }

    private static Bytes32 ToBytes32(in KeccakLanes state) =>
        // Bytes32 holds each 8-byte group read big-endian; a lane's bytes are little-endian.
        new(
            BinaryPrimitives.ReverseEndianness(state[0]),
            BinaryPrimitives.ReverseEndianness(state[1]),
            BinaryPrimitives.ReverseEndianness(state[2]),
            BinaryPrimitives.ReverseEndianness(state[3]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadLane(ref byte block, int index)
    {
        ulong lane = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref block, index * 8));
        return BitConverter.IsLittleEndian ? lane : BinaryPrimitives.ReverseEndianness(lane);
    }

    /// <summary>The iota constants RC[0..23] of FIPS 202, section 3.2.5.</summary>
    /// <remarks>
    /// An array rather than a <c>ReadOnlySpan</c> over constant data: unoptimized (Debug) code
    /// allocates a field-handle stub on every access to such a span, which would break the
    /// no-allocation guarantee in test builds.
    /// </remarks>
    private static readonly ulong[] _roundConstants =
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    /// <summary>
    /// XORs <paramref name="blockCount"/> consecutive 136-byte blocks starting at
    /// <paramref name="block"/> into the state, applying Keccak-f[1600] after each. The caller
    /// guarantees the blocks exist; the lanes stay in locals for the whole run.
    /// </summary>
    /// <remarks>
    /// Lane names follow the Keccak team's convention: a[y][x] with y in b,g,k,m,s (rows 0..4) and
    /// x in a,e,i,o,u (columns 0..4). Each round is theta (c, d), rho and pi (b = rotated lanes
    /// landing in one output row), chi (b ^ (~b1 &amp; b2)) and iota (round constant into lane 0).
    /// </remarks>
    private static void Absorb(ref KeccakLanes state, ref byte block, int blockCount)
    {
        ulong aba = state[0];
        ulong abe = state[1];
        ulong abi = state[2];
        ulong abo = state[3];
        ulong abu = state[4];
        ulong aga = state[5];
        ulong age = state[6];
        ulong agi = state[7];
        ulong ago = state[8];
        ulong agu = state[9];
        ulong aka = state[10];
        ulong ake = state[11];
        ulong aki = state[12];
        ulong ako = state[13];
        ulong aku = state[14];
        ulong ama = state[15];
        ulong ame = state[16];
        ulong ami = state[17];
        ulong amo = state[18];
        ulong amu = state[19];
        ulong asa = state[20];
        ulong ase = state[21];
        ulong asi = state[22];
        ulong aso = state[23];
        ulong asu = state[24];
        ulong cA, cE, cI, cO, cU, dA, dE, dI, dO, dU, ba, be, bi, bo, bu;
        ulong eba, ebe, ebi, ebo, ebu, ega, ege, egi, ego, egu, eka, eke, eki;
        ulong eko, eku, ema, eme, emi, emo, emu, esa, ese, esi, eso, esu;
        ref ulong rc = ref MemoryMarshal.GetArrayDataReference(_roundConstants);

        do
        {
            aba ^= ReadLane(ref block, 0);
            abe ^= ReadLane(ref block, 1);
            abi ^= ReadLane(ref block, 2);
            abo ^= ReadLane(ref block, 3);
            abu ^= ReadLane(ref block, 4);
            aga ^= ReadLane(ref block, 5);
            age ^= ReadLane(ref block, 6);
            agi ^= ReadLane(ref block, 7);
            ago ^= ReadLane(ref block, 8);
            agu ^= ReadLane(ref block, 9);
            aka ^= ReadLane(ref block, 10);
            ake ^= ReadLane(ref block, 11);
            aki ^= ReadLane(ref block, 12);
            ako ^= ReadLane(ref block, 13);
            aku ^= ReadLane(ref block, 14);
            ama ^= ReadLane(ref block, 15);
            ame ^= ReadLane(ref block, 16);

            for (int round = 0; round < 24; round += 2)
            {
                // Round 2k: A -> E.
                cA = aba ^ aga ^ aka ^ ama ^ asa;
                cE = abe ^ age ^ ake ^ ame ^ ase;
                cI = abi ^ agi ^ aki ^ ami ^ asi;
                cO = abo ^ ago ^ ako ^ amo ^ aso;
                cU = abu ^ agu ^ aku ^ amu ^ asu;
                dA = cU ^ ulong.RotateLeft(cE, 1);
                dE = cA ^ ulong.RotateLeft(cI, 1);
                dI = cE ^ ulong.RotateLeft(cO, 1);
                dO = cI ^ ulong.RotateLeft(cU, 1);
                dU = cO ^ ulong.RotateLeft(cA, 1);
                ba = aba ^ dA;
                be = ulong.RotateLeft(age ^ dE, 44);
                bi = ulong.RotateLeft(aki ^ dI, 43);
                bo = ulong.RotateLeft(amo ^ dO, 21);
                bu = ulong.RotateLeft(asu ^ dU, 14);
                eba = ba ^ (~be & bi) ^ Unsafe.Add(ref rc, round);
                ebe = be ^ (~bi & bo);
                ebi = bi ^ (~bo & bu);
                ebo = bo ^ (~bu & ba);
                ebu = bu ^ (~ba & be);
                ba = ulong.RotateLeft(abo ^ dO, 28);
                be = ulong.RotateLeft(agu ^ dU, 20);
                bi = ulong.RotateLeft(aka ^ dA, 3);
                bo = ulong.RotateLeft(ame ^ dE, 45);
                bu = ulong.RotateLeft(asi ^ dI, 61);
                ega = ba ^ (~be & bi);
                ege = be ^ (~bi & bo);
                egi = bi ^ (~bo & bu);
                ego = bo ^ (~bu & ba);
                egu = bu ^ (~ba & be);
                ba = ulong.RotateLeft(abe ^ dE, 1);
                be = ulong.RotateLeft(agi ^ dI, 6);
                bi = ulong.RotateLeft(ako ^ dO, 25);
                bo = ulong.RotateLeft(amu ^ dU, 8);
                bu = ulong.RotateLeft(asa ^ dA, 18);
                eka = ba ^ (~be & bi);
                eke = be ^ (~bi & bo);
                eki = bi ^ (~bo & bu);
                eko = bo ^ (~bu & ba);
                eku = bu ^ (~ba & be);
                ba = ulong.RotateLeft(abu ^ dU, 27);
                be = ulong.RotateLeft(aga ^ dA, 36);
                bi = ulong.RotateLeft(ake ^ dE, 10);
                bo = ulong.RotateLeft(ami ^ dI, 15);
                bu = ulong.RotateLeft(aso ^ dO, 56);
                ema = ba ^ (~be & bi);
                eme = be ^ (~bi & bo);
                emi = bi ^ (~bo & bu);
                emo = bo ^ (~bu & ba);
                emu = bu ^ (~ba & be);
                ba = ulong.RotateLeft(abi ^ dI, 62);
                be = ulong.RotateLeft(ago ^ dO, 55);
                bi = ulong.RotateLeft(aku ^ dU, 39);
                bo = ulong.RotateLeft(ama ^ dA, 41);
                bu = ulong.RotateLeft(ase ^ dE, 2);
                esa = ba ^ (~be & bi);
                ese = be ^ (~bi & bo);
                esi = bi ^ (~bo & bu);
                eso = bo ^ (~bu & ba);
                esu = bu ^ (~ba & be);
                // Round 2k+1: E -> A.
                cA = eba ^ ega ^ eka ^ ema ^ esa;
                cE = ebe ^ ege ^ eke ^ eme ^ ese;
                cI = ebi ^ egi ^ eki ^ emi ^ esi;
                cO = ebo ^ ego ^ eko ^ emo ^ eso;
                cU = ebu ^ egu ^ eku ^ emu ^ esu;
                dA = cU ^ ulong.RotateLeft(cE, 1);
                dE = cA ^ ulong.RotateLeft(cI, 1);
                dI = cE ^ ulong.RotateLeft(cO, 1);
                dO = cI ^ ulong.RotateLeft(cU, 1);
                dU = cO ^ ulong.RotateLeft(cA, 1);
                ba = eba ^ dA;
                be = ulong.RotateLeft(ege ^ dE, 44);
                bi = ulong.RotateLeft(eki ^ dI, 43);
                bo = ulong.RotateLeft(emo ^ dO, 21);
                bu = ulong.RotateLeft(esu ^ dU, 14);
                aba = ba ^ (~be & bi) ^ Unsafe.Add(ref rc, round + 1);
                abe = be ^ (~bi & bo);
                abi = bi ^ (~bo & bu);
                abo = bo ^ (~bu & ba);
                abu = bu ^ (~ba & be);
                ba = ulong.RotateLeft(ebo ^ dO, 28);
                be = ulong.RotateLeft(egu ^ dU, 20);
                bi = ulong.RotateLeft(eka ^ dA, 3);
                bo = ulong.RotateLeft(eme ^ dE, 45);
                bu = ulong.RotateLeft(esi ^ dI, 61);
                aga = ba ^ (~be & bi);
                age = be ^ (~bi & bo);
                agi = bi ^ (~bo & bu);
                ago = bo ^ (~bu & ba);
                agu = bu ^ (~ba & be);
                ba = ulong.RotateLeft(ebe ^ dE, 1);
                be = ulong.RotateLeft(egi ^ dI, 6);
                bi = ulong.RotateLeft(eko ^ dO, 25);
                bo = ulong.RotateLeft(emu ^ dU, 8);
                bu = ulong.RotateLeft(esa ^ dA, 18);
                aka = ba ^ (~be & bi);
                ake = be ^ (~bi & bo);
                aki = bi ^ (~bo & bu);
                ako = bo ^ (~bu & ba);
                aku = bu ^ (~ba & be);
                ba = ulong.RotateLeft(ebu ^ dU, 27);
                be = ulong.RotateLeft(ega ^ dA, 36);
                bi = ulong.RotateLeft(eke ^ dE, 10);
                bo = ulong.RotateLeft(emi ^ dI, 15);
                bu = ulong.RotateLeft(eso ^ dO, 56);
                ama = ba ^ (~be & bi);
                ame = be ^ (~bi & bo);
                ami = bi ^ (~bo & bu);
                amo = bo ^ (~bu & ba);
                amu = bu ^ (~ba & be);
                ba = ulong.RotateLeft(ebi ^ dI, 62);
                be = ulong.RotateLeft(ego ^ dO, 55);
                bi = ulong.RotateLeft(eku ^ dU, 39);
                bo = ulong.RotateLeft(ema ^ dA, 41);
                bu = ulong.RotateLeft(ese ^ dE, 2);
                asa = ba ^ (~be & bi);
                ase = be ^ (~bi & bo);
                asi = bi ^ (~bo & bu);
                aso = bo ^ (~bu & ba);
                asu = bu ^ (~ba & be);
            }

            block = ref Unsafe.Add(ref block, Rate);
        }
        while (--blockCount > 0);

        state[0] = aba;
        state[1] = abe;
        state[2] = abi;
        state[3] = abo;
        state[4] = abu;
        state[5] = aga;
        state[6] = age;
        state[7] = agi;
        state[8] = ago;
        state[9] = agu;
        state[10] = aka;
        state[11] = ake;
        state[12] = aki;
        state[13] = ako;
        state[14] = aku;
        state[15] = ama;
        state[16] = ame;
        state[17] = ami;
        state[18] = amo;
        state[19] = amu;
        state[20] = asa;
        state[21] = ase;
        state[22] = asi;
        state[23] = aso;
        state[24] = asu;
    }

    [DoesNotReturn]
    private static void ThrowOutputTooSmall(int length) =>
        throw new ArgumentException($"Keccak-256 writes {OutputSize} bytes but the output span holds {length}", "output");
}
