// SPDX-License-Identifier: MIT
namespace ZkOs.Hosting;

/// <summary>Why an execution environment could not be loaded or registered.</summary>
public enum ExecutionEnvironmentLoadError
{
    /// <summary>The plugin file does not exist at the resolved absolute path.</summary>
    PluginNotFound = 1,

    /// <summary>The plugin file is not a .NET assembly (a native library, a text file ...).</summary>
    NotAnAssembly,

    /// <summary>The assembly or one of its dependencies could not be loaded.</summary>
    LoadFailed,

    /// <summary>The assembly has no <c>[assembly: ExecutionEnvironmentPlugin(...)]</c> attribute.</summary>
    NoExports,

    /// <summary>An exported type does not implement the host's <c>IExecutionEnvironment</c>.</summary>
    NotAnEnvironment,

    /// <summary>An exported type cannot be created with a public parameterless constructor.</summary>
    NoParameterlessConstructor,

    /// <summary>An EE's constructor (or a built-in's factory) threw.</summary>
    ConstructorFailed,

    /// <summary>The EE was built against another <c>FrameworkAbi.Version</c>.</summary>
    AbiVersionMismatch,

    /// <summary>The EE reports a type byte other than the one it was registered under.</summary>
    TypeMismatch,

    /// <summary>Two EEs claim the same type byte.</summary>
    DuplicateType,

    /// <summary>The configuration names a built-in EE the host does not register.</summary>
    UnknownBuiltIn,

    /// <summary>Type byte 0, which means "no execution environment".</summary>
    ReservedType,
}
