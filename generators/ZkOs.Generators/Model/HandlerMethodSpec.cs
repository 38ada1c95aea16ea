// SPDX-License-Identifier: MIT
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>
/// A method of a handler class, described enough to check it against a table row and to call it.
/// Nothing is rejected here: whether a signature fits depends on the row (flags) and the interpreter
/// (context type), which this step does not know.
/// </summary>
/// <param name="Name">The method name as C# source needs it (<c>@</c>-escaped when a keyword).</param>
/// <param name="ReturnType">The return type as written in messages.</param>
/// <param name="IsCallable">Static, non-generic, and public or internal.</param>
internal sealed record HandlerMethodSpec(
    string Name,
    HandlerReturnKind ReturnKind,
    string ReturnType,
    bool IsCallable,
    EquatableArray<HandlerParameterSpec> Parameters);
