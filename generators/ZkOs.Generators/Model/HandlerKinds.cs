// SPDX-License-Identifier: MIT
namespace ZkOs.Generators.Model;

/// <summary>The handler return types the loop understands.</summary>
internal enum HandlerReturnKind
{
    /// <summary><c>void</c>: the instruction cannot fail.</summary>
    Void,

    /// <summary><c>bool</c>: false means the handler set <c>State.Error</c> and the frame faults.</summary>
    Bool,

    /// <summary><c>byte*</c>: the next pc of a <c>jumps</c> row, or null to fault.</summary>
    BytePointer,

    /// <summary>Anything else.</summary>
    Unsupported,
}

/// <summary>What the loop passes for a handler parameter.</summary>
internal enum HandlerParameterKind
{
    /// <summary><c>UInt256*</c>: the deepest input slot, <c>sp - stack_in</c>.</summary>
    Stack,

    /// <summary>A pointer to the interpreter's context struct (checked against it when bound).</summary>
    ContextCandidate,

    /// <summary><c>byte* immediate</c>: the first immediate byte, <c>pc + 1</c>.</summary>
    Immediate,

    /// <summary><c>byte* pc</c>: the current instruction.</summary>
    Pc,

    /// <summary>Any other type, a <c>byte*</c> with another name, or a ref/out/in parameter.</summary>
    Unsupported,
}
