// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Machine;

/// <summary>Memory pages: allocation by far-call page groups, lookup by id, bound growth paid in ergs.</summary>
public sealed partial class EraVmMachine
{
    /// <summary>The last heap offset a 32-byte access may start at (eravm.md §1).</summary>
    internal const uint LastAddress = uint.MaxValue - 32;

    private readonly Dictionary<uint, HeapPage> _pages = new();
    private readonly Stack<HeapPage> _freePages = new();
    private uint _nextPageGroup;

    /// <summary>The page with that id, or null when nothing was ever placed there (reads as zeros).</summary>
    public HeapPage? FindPage(uint id) => _pages.GetValueOrDefault(id);

    internal HeapPage Page(uint id)
    {
        if (!_pages.TryGetValue(id, out var page))
        {
            page = _freePages.Count > 0 ? _freePages.Pop() : new HeapPage();
            page.Reset();
            _pages[id] = page;
        }
        return page;
    }

    private void ReleasePages()
    {
        foreach (var page in _pages.Values)
        {
            _freePages.Push(page);
        }
        _pages.Clear();
        _decommitPages.Clear();
        _nextPageGroup = FirstPageGroup;
    }

    private uint AllocatePageGroup()
    {
        var group = _nextPageGroup;
        _nextPageGroup += 8;
        return group;
    }

    /// <summary>
    /// Pays for raising a heap bound to <paramref name="newBound"/> at 1 erg per byte. The bound is
    /// raised even when the ergs fall short (then they are all spent and the caller panics), as in vm2.
    /// </summary>
    internal bool GrowBound(ref uint bound, uint newBound)
    {
        if (bound >= newBound)
        {
            return true;
        }
        var cost = newBound - bound;
        bound = newBound;
        return UseErgs(cost);
    }

    internal bool UseErgs(uint ergs)
    {
        var frame = Current;
        if (frame.Ergs >= ergs)
        {
            frame.Ergs -= ergs;
            return true;
        }
        frame.Ergs = 0;
        return false;
    }

    private byte[] _callBuffer = new byte[256];
    private byte[] _returnBuffer = new byte[256];

    /// <summary>
    /// Copies the bytes a fat pointer addresses, <c>[start, start+length)</c> on its page, into a buffer the
    /// machine reuses (grown when too small), so a steady-state call or return allocates nothing.
    /// </summary>
    private ReadOnlyMemory<byte> ReadPointer(in FatPointer pointer, ref byte[] buffer)
    {
        var length = (int)Math.Min(pointer.Length, (uint)Array.MaxLength);
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }
        var span = buffer.AsSpan(0, length);
        span.Clear();
        FindPage(pointer.Page)?.Read(pointer.Start, span);
        return buffer.AsMemory(0, length);
    }
}
