// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Interpretation;

/// <summary>
/// A compile-time tracing switch for a generated loop: <c>Run&lt;TTracer&gt;(ctx)</c> calls
/// <see cref="BeforeInstruction"/> at the top of every iteration when <see cref="IsActive"/> is true.
/// Implementations are structs, so the JIT compiles one loop per tracer and folds a constant
/// <see cref="IsActive"/> away: the untraced loop (<see cref="NoTracer{TContext}"/>) carries no check at all.
/// </summary>
/// <typeparam name="TContext">The interpreter's context type.</typeparam>
public interface IInterpreterTracer<TContext>
    where TContext : unmanaged
{
    /// <summary>Whether the loop calls <see cref="BeforeInstruction"/>; a constant per implementation.</summary>
    static abstract bool IsActive { get; }

    /// <summary>
    /// Called before each instruction, before its checks and charges, with the loop's registers written to
    /// <c>ctx-&gt;State</c> (<c>Pc</c> at the instruction, <c>Sp</c>, <c>Ergs</c> and <c>Native</c> as they are
    /// before it). The loop does not reload them afterwards: a tracer observes, it must not change them.
    /// </summary>
    static abstract unsafe void BeforeInstruction(TContext* ctx);
}
