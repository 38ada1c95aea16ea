// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>A line of assembly that does not denote an encodable instruction.</summary>
public sealed class AssemblyException(string message) : Exception(message);
