// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>
/// While alive, the referenced <see cref="Resources"/> hold infinite ergs; disposing restores the
/// ergs held before, so only native is really paid. Create it with <see cref="Resources.WithInfiniteErgs"/>.
/// </summary>
public ref struct InfiniteErgsScope
{
    private readonly ref Resources _resources;
    private readonly ulong _savedErgs;
    private bool _disposed;

    internal InfiniteErgsScope(ref Resources resources)
    {
        _resources = ref resources;
        _savedErgs = resources.Ergs;
        resources.Ergs = Resources.Infinite;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _resources.Ergs = _savedErgs;
            _disposed = true;
        }
    }
}
