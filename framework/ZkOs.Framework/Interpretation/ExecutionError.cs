// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Interpretation;

/// <summary>
/// Why a frame ended exceptionally. The generated loops raise the first group themselves; handlers and
/// execution environments record the rest. Every exceptional halt consumes the frame's remaining ergs.
/// </summary>
public enum ExecutionError : byte
{
    None = 0,
    StackUnderflow,
    StackOverflow,
    OutOfErgs,
    OutOfNative,
    InvalidOpcode,
    StaticStateChange,
    InvalidJump,
    InvalidOperand,
    MemoryLimit,
    ReturnDataOutOfBounds,
    CallDepthExceeded,
    InvalidCode,
    CodeSizeLimit,
    InitCodeSizeLimit,
    CreateCollision,
    Unsupported,
}
