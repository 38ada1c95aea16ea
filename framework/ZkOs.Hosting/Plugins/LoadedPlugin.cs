// SPDX-License-Identifier: MIT
using System.Reflection;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting;

/// <summary>A plugin assembly loaded into its own context, with the EEs it exports, already created.</summary>
public sealed record LoadedPlugin(
    string Path,
    Assembly Assembly,
    PluginLoadContext LoadContext,
    IReadOnlyList<IExecutionEnvironment> Environments);
