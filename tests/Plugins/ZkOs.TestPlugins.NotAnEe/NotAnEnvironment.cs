// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.TestPlugins;

[assembly: ExecutionEnvironmentPlugin(typeof(NotAnEnvironment))]

namespace ZkOs.TestPlugins;

/// <summary>Exported as an EE, but implements nothing: the loader must refuse it.</summary>
public sealed class NotAnEnvironment
{
    public string Name => "not an environment";
}
