// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>
/// Names the <see cref="IExecutionEnvironment"/> implementations an assembly exports, so the host can
/// load a plugin without scanning its types: <c>[assembly: ExecutionEnvironmentPlugin(typeof(MyVm))]</c>.
/// The type needs a public parameterless constructor.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class ExecutionEnvironmentPluginAttribute(Type environmentType) : Attribute
{
    public Type EnvironmentType { get; } = environmentType;
}
