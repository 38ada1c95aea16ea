// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Precompiles;

/// <summary>
/// The precompiles of one fork, found by address. Immutable; <see cref="With"/> derives a new set, which is
/// how an implementation replaces a placeholder.
/// </summary>
public sealed class PrecompileSet
{
    // Indexed by the low 16 bits of the address; precompiles live below 0x10000 (reference/zksync-os.md §4.8).
    private readonly IPrecompile?[] _byAddress;

    /// <exception cref="ArgumentException">Two precompiles share an address.</exception>
    public PrecompileSet(string fork, IEnumerable<IPrecompile> precompiles)
    {
        ArgumentException.ThrowIfNullOrEmpty(fork);
        ArgumentNullException.ThrowIfNull(precompiles);
        var list = precompiles.OrderBy(p => p.Address).ToArray();
        _byAddress = new IPrecompile?[list.Length == 0 ? 0 : list[^1].Address + 1];
        foreach (var precompile in list)
        {
            if (_byAddress[precompile.Address] is { } existing)
                throw new ArgumentException($"{precompile.Name} and {existing.Name} both claim address 0x{precompile.Address:x}", nameof(precompiles));
            _byAddress[precompile.Address] = precompile;
        }
        Fork = fork;
        Precompiles = list;
    }

    /// <summary>Cancun: 0x01–0x0a, point evaluation (0x0a) included.</summary>
    public static PrecompileSet Cancun { get; } = new("Cancun",
    [
        EcRecoverPrecompile.Default,
        Sha256Precompile.Instance,
        Ripemd160Precompile.Instance,
        IdentityPrecompile.Instance,
        ModExpPrecompile.Instance,
        Bn254AddPrecompile.Instance,
        Bn254MulPrecompile.Instance,
        Bn254PairingPrecompile.Instance,
        Blake2FPrecompile.Instance,
        PointEvaluationPrecompile.Instance,
    ]);

    public string Fork { get; }

    /// <summary>All members, by ascending address.</summary>
    public IReadOnlyList<IPrecompile> Precompiles { get; }

    public bool TryGet(in Address address, [MaybeNullWhen(false)] out IPrecompile precompile)
    {
        Span<byte> bytes = stackalloc byte[Address.Size];
        address.WriteTo(bytes);
        if (bytes[..(Address.Size - 2)].IndexOfAnyExcept((byte)0) >= 0)
        {
            precompile = null;
            return false;
        }
        return TryGet(BinaryPrimitives.ReadUInt16BigEndian(bytes[(Address.Size - 2)..]), out precompile);
    }

    /// <summary>Lookup by the address's value (0x01 for ecrecover …).</summary>
    public bool TryGet(ushort address, [MaybeNullWhen(false)] out IPrecompile precompile)
    {
        var table = _byAddress;
        precompile = address < table.Length ? table[address] : null;
        return precompile is not null;
    }

    public bool Contains(in Address address) => TryGet(address, out _);

    /// <summary>This set with <paramref name="precompile"/> added, replacing any member at its address.</summary>
    public PrecompileSet With(IPrecompile precompile)
    {
        ArgumentNullException.ThrowIfNull(precompile);
        return new PrecompileSet(Fork, Precompiles.Where(p => p.Address != precompile.Address).Append(precompile));
    }
}
