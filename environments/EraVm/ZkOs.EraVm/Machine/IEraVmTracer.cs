// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Machine;

/// <summary>
/// A compile-time tracing switch for <see cref="EraVmMachine.Run{TTracer}"/>: <see cref="IsActive"/> is a
/// constant, so for <see cref="NoEraVmTracer"/> the JIT removes the hook. A tracer keeps its state in
/// <see cref="EraVmMachine.TraceState"/>.
/// </summary>
public interface IEraVmTracer
{
    static abstract bool IsActive { get; }

    /// <summary>Before the instruction at <c>vm.Current.Pc</c> is charged or run.</summary>
    static abstract void BeforeInstruction(EraVmMachine vm);
}

public struct NoEraVmTracer : IEraVmTracer
{
    public static bool IsActive => false;

    public static void BeforeInstruction(EraVmMachine vm)
    {
    }
}
