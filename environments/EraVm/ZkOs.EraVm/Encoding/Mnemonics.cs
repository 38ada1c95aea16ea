// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>The LLVM mnemonic spellings shared by the formatter and the parser.</summary>
internal static class Mnemonics
{
    public static readonly string[] PredicateNames = ["", "gt", "lt", "eq", "ge", "le", "ne", "gtlt"];

    public static string Predicate(Predicate predicate) => PredicateNames[(int)predicate];

    public static bool IsPointer(Operation operation) => operation is >= Operation.PtrAdd and <= Operation.PtrShrink;

    public static string Arithmetic(Operation operation) => operation switch
    {
        Operation.Add => "add",
        Operation.Sub => "sub",
        Operation.Mul => "mul",
        Operation.Div => "div",
        Operation.Xor => "xor",
        Operation.And => "and",
        Operation.Or => "or",
        Operation.Shl => "shl",
        Operation.Shr => "shr",
        Operation.Rol => "rol",
        Operation.Ror => "ror",
        Operation.PtrAdd => "addp",
        Operation.PtrSub => "subp",
        Operation.PtrPack => "pack",
        Operation.PtrShrink => "shrnk",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    public static string Context(Operation operation) => operation switch
    {
        Operation.CtxThis => "this",
        Operation.CtxCaller => "par",
        Operation.CtxCodeAddress => "code",
        Operation.CtxMeta => "meta",
        Operation.CtxErgsLeft => "ergs",
        Operation.CtxSp => "sp",
        _ => "ldvl",
    };

    /// <summary>The memory-space suffix of ldm/stm: heap, aux heap or (ISA 2) kernel static memory.</summary>
    public static string Space(Operation operation) => operation switch
    {
        Operation.UmaHeapRead or Operation.UmaHeapWrite => ".h",
        Operation.UmaAuxHeapRead or Operation.UmaAuxHeapWrite => ".ah",
        _ => ".st",
    };
}
