// SPDX-License-Identifier: MIT
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting;

/// <summary>
/// A name → factory map of built-in execution environments:
/// <c>new BuiltInEnvironments { { BuiltInEnvironments.Evm, () =&gt; new EvmEnvironment() } }</c>.
/// </summary>
public sealed class BuiltInEnvironments : IBuiltInEnvironments, IEnumerable<KeyValuePair<string, Func<IExecutionEnvironment>>>
{
    /// <summary>The configuration name of the EVM.</summary>
    public const string Evm = "evm";

    /// <summary>The configuration name of EraVM.</summary>
    public const string EraVm = "eravm";

    private readonly Dictionary<string, Func<IExecutionEnvironment>> _factories = new(StringComparer.Ordinal);

    /// <summary>No built-ins: every EE comes from a plugin.</summary>
    public static IBuiltInEnvironments None { get; } = new BuiltInEnvironments();

    public IReadOnlyCollection<string> Names => _factories.Keys;

    /// <exception cref="ArgumentException">The name is empty or already taken.</exception>
    public BuiltInEnvironments Add(string name, Func<IExecutionEnvironment> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(name, factory))
            throw new ArgumentException($"The built-in execution environment '{name}' is already registered.", nameof(name));
        return this;
    }

    public bool TryCreate(string name, [NotNullWhen(true)] out IExecutionEnvironment? environment)
    {
        if (_factories.TryGetValue(name, out var factory))
        {
            environment = factory();
            return true;
        }

        environment = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, Func<IExecutionEnvironment>>> GetEnumerator() => _factories.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
