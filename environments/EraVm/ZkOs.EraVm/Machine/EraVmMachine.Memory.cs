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

    /// <summary>Reads the bytes a fat pointer addresses, <c>[start, start+length)</c> on its page.</summary>
    public byte[] ReadPointerBytes(in FatPointer pointer)
    {
        var bytes = new byte[pointer.Length];
        FindPage(pointer.Page)?.Read(pointer.Start, bytes);
        return bytes;
    }
}
