// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Interpretation;

/// <summary>The <c>flags</c> column of an opcode table (<c>|</c>-separated, lower case in the CSV).</summary>
[Flags]
public enum OpcodeFlags : byte
{
    None = 0,

    /// <summary><c>terminates</c>: ends the frame (stop, return, revert ...); the loop exits with <see cref="InterpreterExit.Halted"/>.</summary>
    Terminates = 1,

    /// <summary><c>yields</c>: a preemption point; the loop exits with <see cref="InterpreterExit.Yielded"/> and resumes after it.</summary>
    Yields = 2,

    /// <summary><c>static_forbidden</c>: faults with <see cref="ExecutionError.StaticStateChange"/> in a static frame.</summary>
    StaticForbidden = 4,

    /// <summary><c>jumps</c>: the handler returns the next pc (null for an invalid destination).</summary>
    Jumps = 8,
}
