// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.System.Io;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// Hands the instructions an EE reports to an EIP-3155 <see cref="IStateTestTracer"/>: ergs become gas
/// (256 ergs per gas), the refund counter comes from the IO subsystem the EE cannot see, and errors are
/// worded as geth words them so traces diff against geth's.
/// </summary>
internal sealed class StateTestInstructionTracer(IStateTestTracer tracer, IoSubsystem io) : IInstructionTracer
{
    /// <summary>The counter may dip below zero mid-transaction; EIP-3155 counts it as a non-negative number.</summary>
    public ulong RefundCounter => io.Refund <= 0 ? 0 : (ulong)io.Refund;

    public void Step(in InstructionStep step) => tracer.Step(
        step.Pc, step.Opcode, Gas(step.Ergs), Gas(step.ErgsCost), step.MemorySize, step.Stack, step.Depth,
        step.ReturnData, step.Refund, step.OpName, ErrorText(step.Error));

    private static ulong Gas(long ergs) => ergs <= 0 ? 0 : (ulong)ergs / Resources.ErgsPerGas;

    private static string? ErrorText(ExecutionError error) => error switch
    {
        ExecutionError.None => null,
        ExecutionError.StackUnderflow => "stack underflow",
        ExecutionError.StackOverflow => "stack limit reached 1024",
        // Memory beyond the EVM's limit could never be paid for: geth runs out of gas there too.
        ExecutionError.OutOfErgs or ExecutionError.MemoryLimit => "out of gas",
        ExecutionError.OutOfNative => "out of native resources",
        ExecutionError.InvalidOpcode => "invalid opcode",
        ExecutionError.StaticStateChange => "write protection",
        ExecutionError.InvalidJump => "invalid jump destination",
        ExecutionError.ReturnDataOutOfBounds => "return data out of bounds",
        ExecutionError.CallDepthExceeded => "max call depth exceeded",
        ExecutionError.InvalidCode => "invalid code: must not begin with 0xef",
        ExecutionError.CodeSizeLimit => "max code size exceeded",
        ExecutionError.InitCodeSizeLimit => "max initcode size exceeded",
        ExecutionError.CreateCollision => "contract address collision",
        _ => error.ToString(),
    };
}
