// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// One byte-addressed memory page (a heap, an aux heap, calldata or returned code). Bytes never written
/// read as zero; the backing array grows only when a write reaches past it, so a bound paid up to
/// u32::MAX (the bootloader's) costs nothing until it is used. Pages are pooled by the machine.
/// </summary>
public sealed class HeapPage
{
    private byte[] _data = new byte[1024];

    /// <summary>One past the highest byte ever written: everything above reads as zero.</summary>
    public int Written { get; private set; }

    public void Reset()
    {
        _data.AsSpan(0, Written).Clear();
        Written = 0;
    }

    public UInt256 ReadWord(uint offset)
    {
        Span<byte> buffer = stackalloc byte[32];
        Read(offset, buffer);
        return UInt256.ReadBigEndian(buffer);
    }

    /// <returns>false when the page cannot hold the bytes in this process (see <see cref="Write"/>).</returns>
    public bool WriteWord(uint offset, in UInt256 value)
    {
        Span<byte> buffer = stackalloc byte[32];
        value.WriteBigEndian(buffer);
        return Write(offset, buffer);
    }

    /// <summary>Reads bytes starting at <paramref name="offset"/>; bytes never written are zero.</summary>
    public void Read(ulong offset, Span<byte> destination)
    {
        destination.Clear();
        if (offset >= (ulong)Written)
        {
            return;
        }
        var available = (int)Math.Min((ulong)destination.Length, (ulong)Written - offset);
        _data.AsSpan((int)offset, available).CopyTo(destination);
    }

    /// <returns>
    /// false when the bytes would end beyond what one .NET array holds (2^31 bytes): only a frame whose
    /// bound was set to u32::MAX for free (the bootloader) can get there, and it panics instead of
    /// crashing the host.
    /// </returns>
    public bool Write(ulong offset, ReadOnlySpan<byte> source)
    {
        if (source.IsEmpty)
        {
            return true;
        }
        var end = offset + (ulong)source.Length;
        if (end > (ulong)Array.MaxLength)
        {
            return false;
        }
        if (end > (ulong)_data.Length)
        {
            Array.Resize(ref _data, (int)Math.Min(Math.Max(end, (ulong)_data.Length * 2), (ulong)Array.MaxLength));
        }
        source.CopyTo(_data.AsSpan((int)offset));
        Written = (int)Math.Max((ulong)Written, end);
        return true;
    }

    /// <summary>Replaces the whole content (calldata, return data, decommitted code).</summary>
    public void Fill(ReadOnlySpan<byte> content)
    {
        Reset();
        Write(0, content);
    }
}
