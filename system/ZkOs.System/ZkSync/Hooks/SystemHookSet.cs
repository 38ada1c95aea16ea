// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Hooks;

/// <summary>The system hooks of a chain, by address. Precompiles are dispatched apart (they are pure).</summary>
public sealed class SystemHookSet(IEnumerable<ISystemHook> hooks)
{
    private readonly Dictionary<ushort, ISystemHook> _hooks = hooks.ToDictionary(h => h.Address);

    /// <summary>The contract deployer, the L1 messenger and the base token (reference §4.8).</summary>
    public static SystemHookSet ZkSync { get; } = new([new ContractDeployerHook(), new L1MessengerHook(), new BaseTokenHook()]);

    public IReadOnlyCollection<ISystemHook> Hooks => _hooks.Values;

    public bool TryGet(in Address address, [MaybeNullWhen(false)] out ISystemHook hook)
    {
        var value = address.ToUInt256();
        if (Framework.Numerics.UInt256.FitsInUlong(in value) && value.U0 <= ushort.MaxValue)
        {
            return _hooks.TryGetValue((ushort)value.U0, out hook);
        }
        hook = null;
        return false;
    }
}
