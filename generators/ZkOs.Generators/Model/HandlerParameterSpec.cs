// SPDX-License-Identifier: MIT
namespace ZkOs.Generators.Model;

/// <summary>A handler parameter, classified by type (and by name for <c>byte*</c>).</summary>
/// <param name="Type">The parameter type, fully qualified, for messages and for matching the context type.</param>
internal sealed record HandlerParameterSpec(string Name, HandlerParameterKind Kind, string Type);
