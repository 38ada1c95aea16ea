// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// STOP, JUMP, JUMPI, PC and GAS (JUMPDEST needs no handler: the loop charges it and moves on).
/// A jump may only land on a JUMPDEST that is not inside PUSH data; the frame marks those once in
/// <see cref="EvmContext.JumpDestinations"/> (<see cref="JumpDestinationAnalysis"/>).
/// </summary>
[OpcodeHandlers("evm")]
public static unsafe class ControlInstructions
{
    /// <summary>Ends the frame successfully with no output.</summary>
    public static void Stop(EvmContext* ctx)
    {
        ctx->Outcome = FrameStatus.Returned;
        ctx->OutputOffset = 0;
        ctx->OutputLength = 0;
    }

    /// <summary>Continues at the top word, which must be a JUMPDEST.</summary>
    public static byte* Jump(EvmContext* ctx, UInt256* s) => Target(ctx, s);

    /// <summary>Continues at the top word when the word below it is not zero; otherwise falls through.</summary>
    public static byte* JumpI(EvmContext* ctx, UInt256* s, byte* pc)
    {
        var condition = (ulong*)s;
        return (condition[0] | condition[1] | condition[2] | condition[3]) == 0 ? pc + 1 : Target(ctx, s + 1);
    }

    /// <summary>The offset of this instruction in the code.</summary>
    public static void Pc(EvmContext* ctx, UInt256* s, byte* pc) => StackWord.Set(s, (ulong)(pc - ctx->Code));

    /// <summary>Gas left after this instruction's own charge; ergs below a whole gas are not counted.</summary>
    public static void Gas(EvmContext* ctx, UInt256* s) => StackWord.Set(s, (ulong)ctx->State.Ergs / Resources.ErgsPerGas);

    private static byte* Target(EvmContext* ctx, UInt256* destination)
    {
        var limbs = (ulong*)destination;
        var offset = limbs[0];
        if ((limbs[1] | limbs[2] | limbs[3]) != 0
            || offset >= (ulong)ctx->CodeLength
            || (ctx->JumpDestinations[offset >> 6] & (1UL << (int)(offset & 63))) == 0)
        {
            ctx->State.Error = ExecutionError.InvalidJump;
            return null;
        }
        return ctx->Code + offset;
    }
}
