// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>
/// Prints an instruction in the LLVM (.zasm) syntax. Labels and constant-pool symbols are not known from
/// the word alone, so targets and offsets print as numbers; <see cref="AssemblyParser"/> reads them back.
/// </summary>
public static class LlvmFormatter
{
    public static string Format(Instruction i)
    {
        var suffix = PredicateSuffix(i.Predicate);
        switch (i.Operation)
        {
            case Operation.Invalid:
                return "invalid";
            case Operation.Nop:
                if (i.Src0Mode == SourceMode.Reg && i.Dst0Mode == DestinationMode.StackPush && i.Src0 == 0)
                {
                    return $"incsp{suffix} {Offset(i.Dst0, i.Imm1)}";
                }
                if (i.Src0Mode == SourceMode.StackPop && i.Dst0Mode == DestinationMode.Reg && i.Dst0 == 0)
                {
                    return $"decsp{suffix} {Offset(i.Src0, i.Imm0)}";
                }
                return i.Src0Mode == SourceMode.Reg && i.Dst0Mode == DestinationMode.Reg
                    ? $"nop{suffix}"
                    : $"nop{suffix} {Source(i)}, r{i.Src1}, {Destination(i)}";
            case Operation.Jump:
                return i.Dst0 == 0 ? $"jump{suffix} {Source(i)}" : $"jump{suffix} {Source(i)}, r{i.Dst0}";
            case Operation.NearCall:
                return $"call{suffix} r{i.Src0}, {i.Imm0}, {i.Imm1}";
            case Operation.FarCallNormal or Operation.FarCallDelegate or Operation.FarCallMimic:
                var far = i.Operation switch { Operation.FarCallNormal => "callf", Operation.FarCallDelegate => "calld", _ => "callm" };
                return $"{far}{(i.Flag0 ? ".st" : "")}{(i.Flag1 ? ".sh" : "")}{suffix} r{i.Src0}, r{i.Src1}, {i.Imm0}";
            case Operation.RetOk or Operation.RetRevert or Operation.RetPanic:
                var (ret, implicitRegister) = i.Operation switch { Operation.RetOk => ("ret", 1), Operation.RetRevert => ("rev", 1), _ => ("pnc", 0) };
                var operands = new List<string>();
                if (i.Src0 != implicitRegister)
                {
                    operands.Add($"r{i.Src0}");
                }
                if (i.Flag0)
                {
                    operands.Add(i.Imm0.ToString());
                }
                return $"{ret}{(i.Flag0 ? "l" : "")}{suffix}{(operands.Count == 0 ? "" : " " + string.Join(", ", operands))}";
            case Operation.CtxSetContextU128:
                return $"stvl{suffix} r{i.Src0}";
            case Operation.CtxAuxMutating0:
                return $"auxm0{suffix} r{i.Src0}";
            case Operation.CtxIncrementTxNumber:
                return $"inctx{suffix}";
            case >= Operation.CtxThis and <= Operation.CtxGetContextU128:
                return $"{Mnemonics.Context(i.Operation)}{suffix} r{i.Dst0}";
            case Operation.LogStorageRead or Operation.LogTransientRead:
                return $"{(i.Operation == Operation.LogStorageRead ? "lds" : "ldt")}{suffix} r{i.Src0}, r{i.Dst0}";
            case Operation.LogStorageWrite or Operation.LogTransientWrite:
                return $"{(i.Operation == Operation.LogStorageWrite ? "sts" : "stt")}{suffix} r{i.Src0}, r{i.Src1}";
            case Operation.LogEvent or Operation.LogToL1:
                return $"{(i.Operation == Operation.LogEvent ? "log" : "logL1")}{(i.Flag0 ? ".i" : "")}{suffix} r{i.Src0}, r{i.Src1}";
            case Operation.LogPrecompile or Operation.LogDecommit:
                return $"{(i.Operation == Operation.LogPrecompile ? "callp" : "dcmt")}{suffix} r{i.Src0}, r{i.Src1}, r{i.Dst0}";
            case Operation.UmaHeapRead or Operation.UmaAuxHeapRead or Operation.UmaStaticRead or Operation.UmaFatPtrRead:
                var load = i.Operation == Operation.UmaFatPtrRead ? (i.Flag0 ? "ldpi" : "ldp") : (i.Flag0 ? "ldmi" : "ldm") + Mnemonics.Space(i.Operation);
                return $"{load}{suffix} {Source(i)}, r{i.Dst0}{(i.Flag0 ? $", r{i.Dst1}" : "")}";
            case Operation.UmaHeapWrite or Operation.UmaAuxHeapWrite or Operation.UmaStaticWrite:
                return $"{(i.Flag0 ? "stmi" : "stm")}{Mnemonics.Space(i.Operation)}{suffix} {Source(i)}, r{i.Src1}{(i.Flag0 ? $", r{i.Dst0}" : "")}";
            default:
                // The arithmetic, bitwise, shift and pointer families share one shape.
                var swap = Mnemonics.IsPointer(i.Operation) ? i.Flag0 : i.Flag1;
                var setFlags = !Mnemonics.IsPointer(i.Operation) && i.Flag0;
                var text = $"{Mnemonics.Arithmetic(i.Operation)}{(swap ? ".s" : "")}{suffix}{(setFlags ? "!" : "")} {Source(i)}, r{i.Src1}, {Destination(i)}";
                return i.Operation is Operation.Mul or Operation.Div ? $"{text}, r{i.Dst1}" : text;
        }
    }

    internal static string PredicateSuffix(Predicate predicate) =>
        predicate == Predicate.Always ? "" : "." + Mnemonics.Predicate(predicate);

    private static string Source(Instruction i) => i.Src0Mode switch
    {
        SourceMode.Reg => $"r{i.Src0}",
        SourceMode.Imm => i.Imm0.ToString(),
        SourceMode.Code => $"code[{Offset(i.Src0, i.Imm0)}]",
        SourceMode.StackPop => $"stack-=[{Offset(i.Src0, i.Imm0)}]",
        SourceMode.StackRel => $"stack-[{Offset(i.Src0, i.Imm0)}]",
        _ => $"stack[{Offset(i.Src0, i.Imm0)}]",
    };

    private static string Destination(Instruction i) => i.Dst0Mode switch
    {
        DestinationMode.Reg => $"r{i.Dst0}",
        DestinationMode.StackPush => $"stack+=[{Offset(i.Dst0, i.Imm1)}]",
        DestinationMode.StackRel => $"stack-[{Offset(i.Dst0, i.Imm1)}]",
        _ => $"stack[{Offset(i.Dst0, i.Imm1)}]",
    };

    private static string Offset(byte register, ushort immediate) =>
        register == 0 ? immediate.ToString() : immediate == 0 ? $"r{register}" : $"{immediate}+r{register}";
}
