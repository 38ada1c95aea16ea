// SPDX-License-Identifier: MIT
namespace ZkOs.Generators.Model;

/// <summary>One row of a <c>*.handlers.csv</c> table: the generic handler an operation's entries instantiate.</summary>
internal sealed record HandlerTemplateSpec(string Operation, string Template, LocationInfo Location);
