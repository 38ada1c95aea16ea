// SPDX-License-Identifier: MIT
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>An <c>[OpcodeHandlers]</c> class and the methods it declares.</summary>
/// <param name="TypeName">The class, fully qualified with <c>global::</c>.</param>
internal sealed record HandlerClassSpec(string TableName, string TypeName, EquatableArray<HandlerMethodSpec> Methods);
