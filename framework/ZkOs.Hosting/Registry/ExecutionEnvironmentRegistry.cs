// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting;

/// <summary>
/// The execution environments a host runs, by type byte. Lookups happen on every call and deployment,
/// so they index a 256-entry array; the registry is immutable once built
/// (<see cref="ExecutionEnvironmentRegistryBuilder"/>, <see cref="ExecutionEnvironmentCatalog"/>), so
/// it can be shared across threads.
/// </summary>
public sealed class ExecutionEnvironmentRegistry
{
    private readonly IExecutionEnvironment?[] _byType;
    private readonly RegisteredEnvironment?[] _registrations;

    internal ExecutionEnvironmentRegistry(RegisteredEnvironment?[] registrations)
    {
        _registrations = registrations;
        _byType = new IExecutionEnvironment?[256];
        var list = new List<RegisteredEnvironment>();
        foreach (var registration in registrations)
        {
            if (registration is null)
                continue;
            _byType[registration.Type] = registration.Environment;
            list.Add(registration);
        }

        Environments = list;
    }

    public static ExecutionEnvironmentRegistry Empty { get; } = new(new RegisteredEnvironment?[256]);

    /// <summary>Every registered environment, ordered by type byte.</summary>
    public IReadOnlyList<RegisteredEnvironment> Environments { get; }

    public int Count => Environments.Count;

    /// <summary>The environment registered under <paramref name="type"/>, or throws for an unknown type.</summary>
    /// <exception cref="KeyNotFoundException">Nothing is registered under <paramref name="type"/>.</exception>
    public IExecutionEnvironment this[byte type] => _byType[type] ?? ThrowNotRegistered(type);

    /// <summary>The environment registered under <paramref name="type"/>, or null: the hot-path lookup.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public IExecutionEnvironment? Find(byte type) => _byType[type];

    public bool TryGet(byte type, [NotNullWhen(true)] out IExecutionEnvironment? environment)
    {
        environment = _byType[type];
        return environment is not null;
    }

    public bool Contains(byte type) => _byType[type] is not null;

    /// <summary>The registration (with its origin) under <paramref name="type"/>, or null.</summary>
    public RegisteredEnvironment? GetRegistration(byte type) => _registrations[type];

    [DoesNotReturn]
    private static IExecutionEnvironment ThrowNotRegistered(byte type) =>
        throw new KeyNotFoundException($"No execution environment is registered under type byte {type}.");
}
