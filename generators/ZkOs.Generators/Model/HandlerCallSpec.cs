// SPDX-License-Identifier: MIT
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>A resolved handler call: which method, and what to pass for each parameter in order.</summary>
/// <param name="TypeName">The handler class, fully qualified with <c>global::</c>.</param>
/// <param name="Arguments">One entry per parameter; <see cref="HandlerParameterKind.ContextCandidate"/> means the context.</param>
internal sealed record HandlerCallSpec(
    string TypeName,
    string MethodName,
    HandlerReturnKind ReturnKind,
    EquatableArray<HandlerParameterKind> Arguments)
{
    public bool TakesContext
    {
        get
        {
            foreach (var argument in Arguments)
            {
                if (argument == HandlerParameterKind.ContextCandidate)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
