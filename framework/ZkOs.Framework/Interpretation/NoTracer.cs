// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Interpretation;

/// <summary>The untraced loop: <see cref="IsActive"/> is the constant false, so the tracing hook compiles to nothing.</summary>
/// <typeparam name="TContext">The interpreter's context type.</typeparam>
public readonly struct NoTracer<TContext> : IInterpreterTracer<TContext>
    where TContext : unmanaged
{
    public static bool IsActive => false;

    public static unsafe void BeforeInstruction(TContext* ctx)
    {
    }
}
