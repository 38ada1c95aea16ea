// SPDX-License-Identifier: MIT
using ZkOs.Framework;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting;

/// <summary>
/// Collects execution environments and checks each as it is added: type byte 0 is reserved, the ABI
/// version must be the host's, the EE must report the byte it is registered under, and no byte may be
/// taken twice. A proving build registers its built-in EEs here directly, without configuration or
/// dynamic loading; <see cref="ExecutionEnvironmentCatalog"/> feeds it from a configuration.
/// </summary>
public sealed class ExecutionEnvironmentRegistryBuilder
{
    private readonly RegisteredEnvironment?[] _registrations = new RegisteredEnvironment?[256];

    /// <summary>Registers a built-in EE under the type byte it reports.</summary>
    /// <exception cref="ExecutionEnvironmentLoadException">One of the checks above fails.</exception>
    public ExecutionEnvironmentRegistryBuilder AddBuiltIn(IExecutionEnvironment environment, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Add(new RegisteredEnvironment { Type = environment.Type, Environment = environment, BuiltInName = name });
    }

    /// <exception cref="ExecutionEnvironmentLoadException">One of the checks above fails.</exception>
    public ExecutionEnvironmentRegistryBuilder Add(RegisteredEnvironment registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.Type == EeType.None)
            throw ExecutionEnvironmentLoadException.ReservedType(registration.Describe(), registration.Entry);

        // The ABI first: with another ABI, even the rest of the checks may read members that changed.
        var environment = registration.Environment;
        if (environment.AbiVersion != FrameworkAbi.Version)
            throw ExecutionEnvironmentLoadException.AbiVersionMismatch(registration, environment.AbiVersion);
        if (environment.Type != registration.Type)
            throw ExecutionEnvironmentLoadException.TypeMismatch(registration, environment.Type);
        if (_registrations[registration.Type] is { } existing)
            throw ExecutionEnvironmentLoadException.DuplicateType(existing, registration);

        _registrations[registration.Type] = registration;
        return this;
    }

    public ExecutionEnvironmentRegistry Build() => new((RegisteredEnvironment?[])_registrations.Clone());
}
