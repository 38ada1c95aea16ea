// SPDX-License-Identifier: MIT
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Samples.StackVm.Handlers;

/// <summary>
/// Arithmetic and comparison. Each handler gets a pointer to its deepest input and writes its result
/// there: for a two-input instruction <c>s[1]</c> is the top of the stack and <c>s[0]</c> the word below.
/// Checks and charges happen in the generated loop, so only the operation is left here.
/// </summary>
[OpcodeHandlers("stackvm")]
public static unsafe class ArithmeticHandlers
{
    public static void Add(UInt256* s) => UInt256.Add(in s[1], in s[0], out s[0]);

    /// <summary>Top minus the word below it.</summary>
    public static void Sub(UInt256* s) => UInt256.Subtract(in s[1], in s[0], out s[0]);

    public static void Mul(UInt256* s) => UInt256.Multiply(in s[1], in s[0], out s[0]);

    /// <summary>Top divided by the word below it; division by zero gives zero, as in the EVM.</summary>
    public static void Div(UInt256* s) => UInt256.Divide(in s[1], in s[0], out s[0]);

    public static void Mod(UInt256* s) => UInt256.Modulo(in s[1], in s[0], out s[0]);

    public static void Lt(UInt256* s) => s[0] = UInt256.LessThan(in s[1], in s[0]) ? UInt256.One : UInt256.Zero;

    public static void Gt(UInt256* s) => s[0] = UInt256.GreaterThan(in s[1], in s[0]) ? UInt256.One : UInt256.Zero;

    public static void Eq(UInt256* s) => s[0] = s[1] == s[0] ? UInt256.One : UInt256.Zero;

    public static void IsZero(UInt256* s) => s[0] = UInt256.IsZero(in s[0]) ? UInt256.One : UInt256.Zero;

    /// <summary>Top raised to the word below it. Its price grows with the exponent, paid here beyond the static charge.</summary>
    public static bool Exp(StackVmContext* ctx, UInt256* s)
    {
        long bytes = UInt256.ByteLength(in s[0]);
        ctx->State.Ergs -= bytes * StackVmInterpreter.Costs.ExpByteErgs;
        ctx->State.Native -= bytes * StackVmInterpreter.Costs.ExpByteNative;
        if (ctx->State.Ergs < 0 || ctx->State.Native < 0)
        {
            ctx->State.Error = ctx->State.Native < 0 ? ExecutionError.OutOfNative : ExecutionError.OutOfErgs;
            return false;
        }
        UInt256.Exp(in s[1], in s[0], out s[0]);
        return true;
    }
}
