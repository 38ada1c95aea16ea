// SPDX-License-Identifier: MIT
using System.Globalization;

namespace ZkOs.EraVm.Encoding;

/// <summary>
/// Parses one instruction line in either syntax: the LLVM syntax of the zksolc .zasm listings and the
/// zkEVM-assembly syntax of the zk_evm harness. Both spellings map to an operation plus flags first; the
/// operands are then placed by operation, so the two syntaxes share one operand rule per family. Symbols
/// (<c>@label</c>, <c>code[@CPI0_0]</c>, <c>stack[@ptr_active.0]</c>) are resolved through the caller's table.
/// </summary>
public static class AssemblyParser
{
    private static readonly Dictionary<string, Operation> ArithmeticNames = new(StringComparer.Ordinal)
    {
        ["add"] = Operation.Add, ["sub"] = Operation.Sub, ["mul"] = Operation.Mul, ["div"] = Operation.Div,
        ["xor"] = Operation.Xor, ["and"] = Operation.And, ["or"] = Operation.Or,
        ["shl"] = Operation.Shl, ["shr"] = Operation.Shr, ["rol"] = Operation.Rol, ["ror"] = Operation.Ror,
        ["addp"] = Operation.PtrAdd, ["subp"] = Operation.PtrSub, ["pack"] = Operation.PtrPack, ["shrnk"] = Operation.PtrShrink,
    };

    public static Instruction ParseLlvm(string line, Func<string, int?>? symbols = null)
    {
        var (mnemonic, operands, setFlags) = Split(line);
        var parts = mnemonic.Split('.');
        var predicate = TakePredicate(ref parts);
        var name = parts[0];
        var mods = parts.Skip(1).ToHashSet(StringComparer.Ordinal);
        bool Mod(string m) => mods.Remove(m);

        Operation op;
        bool f0 = false, f1 = false;
        switch (name)
        {
            case var _ when ArithmeticNames.TryGetValue(name, out op):
                (f0, f1) = ArithmeticFlags(op, setFlags, Mod("s"));
                setFlags = false;
                break;
            case "jump": op = Operation.Jump; break;
            case "nop": op = Operation.Nop; break;
            case "incsp" or "decsp":
                EnsureDone(mods, setFlags, line);
                return StackAdjust(name == "incsp", predicate, operands, symbols, line);
            case "call": op = Operation.NearCall; break;
            case "callf" or "calld" or "callm":
                op = name switch { "callf" => Operation.FarCallNormal, "calld" => Operation.FarCallDelegate, _ => Operation.FarCallMimic };
                f0 = Mod("st");
                f1 = Mod("sh");
                break;
            case "ret" or "retl": op = Operation.RetOk; f0 = name == "retl"; break;
            case "rev" or "revl": op = Operation.RetRevert; f0 = name == "revl"; break;
            case "pnc" or "pncl": op = Operation.RetPanic; f0 = name == "pncl"; break;
            case "this": op = Operation.CtxThis; break;
            case "par": op = Operation.CtxCaller; break;
            case "code": op = Operation.CtxCodeAddress; break;
            case "meta": op = Operation.CtxMeta; break;
            case "ergs": op = Operation.CtxErgsLeft; break;
            case "sp": op = Operation.CtxSp; break;
            case "ldvl": op = Operation.CtxGetContextU128; break;
            case "stvl": op = Operation.CtxSetContextU128; break;
            case "auxm0": op = Operation.CtxAuxMutating0; break;
            case "inctx": op = Operation.CtxIncrementTxNumber; break;
            case "lds": op = Operation.LogStorageRead; break;
            case "sts": op = Operation.LogStorageWrite; break;
            case "ldt": op = Operation.LogTransientRead; break;
            case "stt": op = Operation.LogTransientWrite; break;
            case "log": op = Operation.LogEvent; f0 = Mod("i"); break;
            case "logL1": op = Operation.LogToL1; f0 = Mod("i"); break;
            case "callp": op = Operation.LogPrecompile; break;
            case "dcmt": op = Operation.LogDecommit; break;
            case "ldp" or "ldpi": op = Operation.UmaFatPtrRead; f0 = name == "ldpi"; break;
            case "ldm" or "ldmi" or "stm" or "stmi":
                var read = name.StartsWith("ld", StringComparison.Ordinal);
                op = Mod("h") ? (read ? Operation.UmaHeapRead : Operation.UmaHeapWrite)
                    : Mod("ah") ? (read ? Operation.UmaAuxHeapRead : Operation.UmaAuxHeapWrite)
                    : Mod("st") ? (read ? Operation.UmaStaticRead : Operation.UmaStaticWrite)
                    : throw new AssemblyException($"memory space (.h, .ah, .st) missing: {line}");
                f0 = name.EndsWith('i');
                break;
            default:
                throw new AssemblyException($"unknown LLVM mnemonic '{name}': {line}");
        }
        EnsureDone(mods, setFlags, line);
        return Place(op, f0, f1, predicate, operands, symbols, line, llvm: true);
    }

    public static Instruction ParseZkEvm(string line, Func<string, int?>? symbols = null)
    {
        var (mnemonic, operands, setFlags) = Split(line);
        var parts = mnemonic.Split('.');
        var predicate = TakePredicate(ref parts);
        var name = parts[0];
        var mods = parts.Skip(1).ToList();
        bool Mod(string m) => mods.Remove(m);
        string Next() => mods.Count > 0 ? mods[0] : "";
        void Drop() => mods.RemoveAt(0);

        Operation op;
        bool f0 = false, f1 = false;
        switch (name)
        {
            case "ptr":
                op = Next() switch
                {
                    "add" => Operation.PtrAdd, "sub" => Operation.PtrSub, "pack" => Operation.PtrPack, "shrink" => Operation.PtrShrink,
                    _ => throw new AssemblyException($"unknown ptr operation: {line}"),
                };
                Drop();
                (f0, f1) = ArithmeticFlags(op, setFlags, Mod("s"));
                setFlags = false;
                break;
            case var _ when ArithmeticNames.TryGetValue(name, out op) && !Mnemonics.IsPointer(op):
                (f0, f1) = ArithmeticFlags(op, setFlags, Mod("s"));
                setFlags = false;
                break;
            case "jump": op = Operation.Jump; break;
            case "nop": op = Operation.Nop; break;
            case "near_call": op = Operation.NearCall; break;
            case "far_call":
                op = Mod("delegate") ? Operation.FarCallDelegate : Mod("mimic") ? Operation.FarCallMimic : Operation.FarCallNormal;
                f0 = Mod("static");
                f1 = Mod("shard");
                break;
            case "ret":
                op = Next() switch
                {
                    "ok" => Operation.RetOk, "revert" => Operation.RetRevert, "panic" => Operation.RetPanic,
                    _ => throw new AssemblyException($"unknown ret kind: {line}"),
                };
                Drop();
                f0 = Mod("to_label");
                break;
            case "context":
                op = Next() switch
                {
                    "this" => Operation.CtxThis,
                    "caller" => Operation.CtxCaller,
                    "code_source" or "code_address" => Operation.CtxCodeAddress,
                    "meta" => Operation.CtxMeta,
                    "ergs_left" => Operation.CtxErgsLeft,
                    "sp" => Operation.CtxSp,
                    "get_context_u128" => Operation.CtxGetContextU128,
                    "set_context_u128" => Operation.CtxSetContextU128,
                    "set_ergs_per_pubdata" or "aux_mutating0" => Operation.CtxAuxMutating0,
                    "inc_tx_num" or "increment_tx_number" => Operation.CtxIncrementTxNumber,
                    _ => throw new AssemblyException($"unknown context operation: {line}"),
                };
                Drop();
                break;
            case "sload": op = Operation.LogStorageRead; break;
            case "sstore": op = Operation.LogStorageWrite; break;
            case "event": op = Operation.LogEvent; f0 = Mod("first"); break;
            case "to_l1": op = Operation.LogToL1; f0 = Mod("first"); break;
            case "log":
                op = Next() switch
                {
                    "sread" => Operation.LogStorageRead,
                    "swrite" => Operation.LogStorageWrite,
                    "event" => Operation.LogEvent,
                    "to_l1" => Operation.LogToL1,
                    "precompile" => Operation.LogPrecompile,
                    "decommit" => Operation.LogDecommit,
                    "tread" => Operation.LogTransientRead,
                    "twrite" => Operation.LogTransientWrite,
                    _ => throw new AssemblyException($"unknown log operation: {line}"),
                };
                Drop();
                f0 = Mod("first");
                break;
            case "uma":
                op = Next() switch
                {
                    "heap_read" => Operation.UmaHeapRead,
                    "heap_write" => Operation.UmaHeapWrite,
                    "aux_heap_read" => Operation.UmaAuxHeapRead,
                    "aux_heap_write" => Operation.UmaAuxHeapWrite,
                    "fat_ptr_read" => Operation.UmaFatPtrRead,
                    "static_read" => Operation.UmaStaticRead,
                    "static_write" => Operation.UmaStaticWrite,
                    _ => throw new AssemblyException($"unknown uma operation: {line}"),
                };
                Drop();
                f0 = Mod("inc");
                break;
            case "ld" or "st":
                // ld / st.1 / st.2: the numbered forms are heap (1) and aux heap (2); bare ld is the fat-pointer read.
                var load = name == "ld";
                op = Mod("1") ? (load ? Operation.UmaHeapRead : Operation.UmaHeapWrite)
                    : Mod("2") ? (load ? Operation.UmaAuxHeapRead : Operation.UmaAuxHeapWrite)
                    : load ? Operation.UmaFatPtrRead : throw new AssemblyException($"st needs .1 or .2: {line}");
                f0 = Mod("inc");
                break;
            default:
                throw new AssemblyException($"unknown zkEVM-assembly mnemonic '{name}': {line}");
        }
        EnsureDone(mods, setFlags, line);
        return Place(op, f0, f1, predicate, operands, symbols, line, llvm: false);
    }

    /// <summary>Parses an operand; exposed for the listing assembler's data and tests.</summary>
    public static Operand ParseOperand(string text, Func<string, int?>? symbols)
    {
        text = text.Trim();
        foreach (var (prefix, kind) in new[]
        {
            ("stack-=[", OperandKind.StackPop), ("stack+=[", OperandKind.StackPush), ("stack-[", OperandKind.StackRel),
            ("stack[", OperandKind.StackAbs), ("code[", OperandKind.Code),
        })
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith(']'))
            {
                var (reg, imm) = Expression(text[prefix.Length..^1], symbols);
                return new Operand(kind, reg, imm);
            }
        }
        // zkEVM-assembly constant-pool form: @CPI0_0[offset] reads code[CPI0_0 + offset].
        var bracket = text.IndexOf('[');
        if (text.StartsWith('@') && bracket > 0 && text.EndsWith(']'))
        {
            var (reg, imm) = Expression(text[..bracket] + "+" + text[(bracket + 1)..^1], symbols);
            return new Operand(OperandKind.Code, reg, imm);
        }
        if (IsRegister(text))
        {
            return new Operand(OperandKind.Reg, byte.Parse(text.AsSpan(1), CultureInfo.InvariantCulture), 0);
        }
        var (r, i) = Expression(text, symbols);
        if (r != 0)
        {
            throw new AssemblyException($"a register is not allowed inside an immediate: {text}");
        }
        return new Operand(OperandKind.Imm, 0, i);
    }

    private static Instruction Place(Operation op, bool f0, bool f1, Predicate predicate, List<string> texts,
        Func<string, int?>? symbols, string line, bool llvm)
    {
        var operands = texts.Select(t => ParseOperand(t, symbols)).ToList();
        var s0Mode = SourceMode.Reg;
        var d0Mode = DestinationMode.Reg;
        byte src0 = 0, src1 = 0, dst0 = 0, dst1 = 0;
        ushort imm0 = 0, imm1 = 0;

        void Count(int min, int max)
        {
            if (operands.Count < min || operands.Count > max)
            {
                throw new AssemblyException($"expected {min}..{max} operands: {line}");
            }
        }
        byte Reg(int k) => operands[k].Kind == OperandKind.Reg ? operands[k].Reg : throw new AssemblyException($"operand {k + 1} must be a register: {line}");
        ushort Label(int k) => operands[k].Kind == OperandKind.Imm ? operands[k].Imm : throw new AssemblyException($"operand {k + 1} must be a label or number: {line}");
        void Source(int k)
        {
            var o = operands[k];
            (s0Mode, src0, imm0) = o.Kind switch
            {
                OperandKind.Reg => (SourceMode.Reg, o.Reg, (ushort)0),
                OperandKind.Imm => (SourceMode.Imm, (byte)0, o.Imm),
                OperandKind.Code => (SourceMode.Code, o.Reg, o.Imm),
                OperandKind.StackPop => (SourceMode.StackPop, o.Reg, o.Imm),
                OperandKind.StackRel => (SourceMode.StackRel, o.Reg, o.Imm),
                OperandKind.StackAbs => (SourceMode.StackAbs, o.Reg, o.Imm),
                _ => throw new AssemblyException($"stack+= is not a source: {line}"),
            };
        }
        void Destination(int k)
        {
            var o = operands[k];
            (d0Mode, dst0, imm1) = o.Kind switch
            {
                OperandKind.Reg => (DestinationMode.Reg, o.Reg, (ushort)0),
                OperandKind.StackPush => (DestinationMode.StackPush, o.Reg, o.Imm),
                OperandKind.StackRel => (DestinationMode.StackRel, o.Reg, o.Imm),
                OperandKind.StackAbs => (DestinationMode.StackAbs, o.Reg, o.Imm),
                _ => throw new AssemblyException($"operand {k + 1} is not a destination: {line}"),
            };
        }

        switch (op)
        {
            case Operation.Nop:
                Count(0, 3);
                if (operands.Count == 1 && operands[0].Kind == OperandKind.StackPush)
                {
                    Destination(0);
                }
                else if (operands.Count >= 1)
                {
                    Source(0);
                    if (operands.Count == 2)
                    {
                        Destination(1);
                    }
                    else if (operands.Count == 3)
                    {
                        src1 = Reg(1);
                        Destination(2);
                    }
                }
                break;
            case Operation.Jump:
                Count(1, 2);
                Source(0);
                if (operands.Count == 2)
                {
                    dst0 = Reg(1);
                }
                break;
            case Operation.NearCall:
                Count(3, 3);
                src0 = Reg(0);
                imm0 = Label(1);
                imm1 = Label(2);
                break;
            case Operation.FarCallNormal or Operation.FarCallDelegate or Operation.FarCallMimic:
                Count(3, 3);
                src0 = Reg(0);
                src1 = Reg(1);
                imm0 = Label(2);
                break;
            case Operation.RetOk or Operation.RetRevert or Operation.RetPanic:
                Count(0, 2);
                // zksolc writes `ret`/`rev` for a return through r1 and `pnc` through r0, naming no register.
                src0 = (byte)(op == Operation.RetPanic ? 0 : 1);
                foreach (var o in operands)
                {
                    if (o.Kind == OperandKind.Reg)
                    {
                        src0 = o.Reg;
                    }
                    else if (o.Kind == OperandKind.Imm && f0)
                    {
                        imm0 = o.Imm;
                    }
                    else
                    {
                        throw new AssemblyException($"bad ret operand: {line}");
                    }
                }
                break;
            case Operation.CtxSetContextU128 or Operation.CtxAuxMutating0:
                Count(1, 1);
                src0 = Reg(0);
                break;
            case Operation.CtxIncrementTxNumber:
                Count(0, 0);
                break;
            case >= Operation.CtxThis and <= Operation.CtxGetContextU128:
                Count(1, 1);
                dst0 = Reg(0);
                break;
            case Operation.LogStorageRead or Operation.LogTransientRead or Operation.LogStorageWrite or Operation.LogTransientWrite
                or Operation.LogEvent or Operation.LogToL1 or Operation.LogPrecompile or Operation.LogDecommit:
                // zkEVM-assembly always writes src0, src1, dst0; the LLVM syntax drops the unused one.
                Count(2, 3);
                src0 = Reg(0);
                if (operands.Count == 3)
                {
                    src1 = Reg(1);
                    dst0 = Reg(2);
                }
                else if (op is Operation.LogStorageRead or Operation.LogTransientRead)
                {
                    dst0 = Reg(1);
                }
                else if (op is Operation.LogPrecompile or Operation.LogDecommit)
                {
                    throw new AssemblyException($"expected 3 operands: {line}");
                }
                else
                {
                    src1 = Reg(1);
                }
                break;
            case >= Operation.UmaHeapRead and <= Operation.UmaFatPtrRead or Operation.UmaStaticRead or Operation.UmaStaticWrite
                when !llvm && operands.Count == 4:
                // The harness's full `uma.*` form names every field: src0, src1, dst0, dst1.
                Source(0);
                src1 = Reg(1);
                dst0 = Reg(2);
                dst1 = Reg(3);
                break;
            case Operation.UmaHeapRead or Operation.UmaAuxHeapRead or Operation.UmaFatPtrRead or Operation.UmaStaticRead:
                Count(f0 ? 3 : 2, f0 ? 3 : 2);
                Source(0);
                dst0 = Reg(1);
                if (f0)
                {
                    dst1 = Reg(2);
                }
                break;
            case Operation.UmaHeapWrite or Operation.UmaAuxHeapWrite or Operation.UmaStaticWrite:
                Count(f0 ? 3 : 2, f0 ? 3 : 2);
                Source(0);
                src1 = Reg(1);
                if (f0)
                {
                    dst0 = Reg(2);
                }
                break;
            default:
                var wide = op is Operation.Mul or Operation.Div;
                Count(3, wide ? 4 : 3);
                Source(0);
                src1 = Reg(1);
                Destination(2);
                if (operands.Count == 4)
                {
                    dst1 = Reg(3);
                }
                break;
        }

        var instruction = new Instruction(op, s0Mode, d0Mode, f0, f1, predicate, src0, src1, dst0, dst1, imm0, imm1);
        if (instruction.OpcodeIndex < 0)
        {
            throw new AssemblyException($"addressing modes not encodable for {OpcodeTable.Name(op)} ({(llvm ? "LLVM" : "zkEVM")}): {line}");
        }
        return instruction;
    }

    private static Instruction StackAdjust(bool increment, Predicate predicate, List<string> operands, Func<string, int?>? symbols, string line)
    {
        if (operands.Count != 1)
        {
            throw new AssemblyException($"expected one offset: {line}");
        }
        var (reg, imm) = Expression(operands[0], symbols);
        return increment
            ? new Instruction(Operation.Nop, SourceMode.Reg, DestinationMode.StackPush, false, false, predicate, 0, 0, reg, 0, 0, imm)
            : new Instruction(Operation.Nop, SourceMode.StackPop, DestinationMode.Reg, false, false, predicate, reg, 0, 0, 0, imm, 0);
    }

    private static (bool Flag0, bool Flag1) ArithmeticFlags(Operation op, bool setFlags, bool swap)
    {
        if (Mnemonics.IsPointer(op))
        {
            return setFlags ? throw new AssemblyException("pointer operations do not set flags") : (swap, false);
        }
        var swappable = op is Operation.Sub or Operation.Div or >= Operation.Shl and <= Operation.Ror;
        if (swap && !swappable)
        {
            throw new AssemblyException($"{OpcodeTable.Name(op)} has no swapped form");
        }
        return (setFlags, swap);
    }

    /// <summary>The predicate modifier, if any; <c>of</c> (overflow) is the zkEVM assembler's other name for <c>lt</c>.</summary>
    private static Predicate TakePredicate(ref string[] parts)
    {
        for (var k = 1; k < parts.Length; k++)
        {
            var index = parts[k] == "of" ? (int)Predicate.Lt : Array.IndexOf(Mnemonics.PredicateNames, parts[k]);
            if (index > 0)
            {
                parts = [.. parts[..k], .. parts[(k + 1)..]];
                return (Predicate)index;
            }
        }
        return Predicate.Always;
    }

    private static void EnsureDone(IReadOnlyCollection<string> mods, bool setFlags, string line)
    {
        if (mods.Count > 0 || setFlags)
        {
            throw new AssemblyException($"unexpected modifier{(setFlags ? " !" : "")} {string.Join(" ", mods.Select(m => "." + m))}: {line}");
        }
    }

    private static (string Mnemonic, List<string> Operands, bool SetFlags) Split(string line)
    {
        var comment = line.IndexOf(';');
        var text = (comment >= 0 ? line[..comment] : line).Trim();
        if (text.Length == 0)
        {
            throw new AssemblyException("empty line");
        }
        var space = text.IndexOfAny([' ', '\t']);
        var mnemonic = space < 0 ? text : text[..space];
        var rest = space < 0 ? "" : text[space..].Trim();
        var operands = rest.Length == 0 ? [] : rest.Split(',').Select(o => o.Trim()).ToList();
        var setFlags = mnemonic.Contains('!');
        return (mnemonic.Replace("!", "", StringComparison.Ordinal), operands, setFlags);
    }

    private static bool IsRegister(string text) =>
        text.Length is 2 or 3 && text[0] == 'r' && byte.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 16;

    /// <summary>A sum of at most one register and any numbers or symbols, as in <c>[@JTI0_0+r3]</c>.</summary>
    private static (byte Reg, ushort Imm) Expression(string text, Func<string, int?>? symbols)
    {
        byte reg = 0;
        long sum = 0;
        foreach (var raw in text.Split('+'))
        {
            var term = raw.Trim();
            if (IsRegister(term))
            {
                reg = byte.Parse(term.AsSpan(1), CultureInfo.InvariantCulture);
            }
            else if (term.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                sum += long.Parse(term.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            else if (term.Length > 0 && char.IsDigit(term[0]))
            {
                sum += long.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new AssemblyException($"bad number '{term}'");
            }
            else if (term.Length > 0)
            {
                var name = term.TrimStart('@');
                sum += symbols?.Invoke(name) ?? throw new AssemblyException($"unknown symbol '{name}'");
            }
        }
        return sum is < 0 or > ushort.MaxValue ? throw new AssemblyException($"value out of 16 bits: {text}") : (reg, (ushort)sum);
    }
}
