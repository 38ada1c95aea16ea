// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting;

/// <summary>
/// The execution environments a host links in statically, by the name zkos.json uses for them
/// (<c>"builtin": "evm"</c>). The caller supplies them because the EVM and EraVM live in assemblies that
/// ZkOs.Hosting must not reference.
/// </summary>
public interface IBuiltInEnvironments
{
    /// <summary>The names accepted by <see cref="TryCreate"/>, for messages.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>Creates the built-in named <paramref name="name"/> (names are case-sensitive).</summary>
    bool TryCreate(string name, [NotNullWhen(true)] out IExecutionEnvironment? environment);
}
