// SPDX-License-Identifier: MIT
using System.Collections.Frozen;
using System.Text;

namespace ZkOs.EraVm.Encoding;

/// <summary>
/// The 11-bit opcode table, derived from the enumeration rule of eravm.md §2 (opcode, then sub-variant,
/// src mode, dst mode, flag0, flag1; the ISA 1 and ISA 2 additions appended) rather than read from the
/// conformance CSV, which a test compares it against.
/// </summary>
public static class OpcodeTable
{
    public const int Size = 2048;
    public const uint InvalidErgs = uint.MaxValue;

    private static readonly OpcodeTableEntry[] Table = Build();

    private static readonly FrozenDictionary<(Operation, SourceMode, DestinationMode, bool, bool), int> Reverse =
        Table.Where(e => e.Operation != Operation.Invalid)
            .ToFrozenDictionary(e => (e.Operation, e.Src0Mode, e.Dst0Mode, e.Flag0, e.Flag1), e => e.Index);

    public static IReadOnlyList<OpcodeTableEntry> Entries => Table;

    public static OpcodeTableEntry Get(int index) => Table[index & (Size - 1)];

    /// <summary>The table index of a combination, or -1 when the table has no such entry.</summary>
    public static int IndexOf(Operation operation, SourceMode src0, DestinationMode dst0, bool flag0, bool flag1) =>
        operation == Operation.Invalid ? 0 : Reverse.GetValueOrDefault((operation, src0, dst0, flag0, flag1), -1);

    /// <summary>The snake_case name used by the conformance CSV (CtxGetContextU128 → ctx_get_context_u128).</summary>
    public static string Name(Operation operation)
    {
        var pascal = operation.ToString();
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(pascal[i]));
        }
        return builder.ToString();
    }

    public static string Name(SourceMode mode) => mode switch
    {
        SourceMode.Reg => "reg",
        SourceMode.StackPop => "stack_pop",
        SourceMode.StackRel => "stack_rel",
        SourceMode.StackAbs => "stack_abs",
        SourceMode.Imm => "imm",
        _ => "code",
    };

    public static string Name(DestinationMode mode) => mode switch
    {
        DestinationMode.Reg => "reg",
        DestinationMode.StackPush => "stack_push",
        DestinationMode.StackRel => "stack_rel",
        _ => "stack_abs",
    };

    private static OpcodeTableEntry[] Build()
    {
        var list = new List<OpcodeTableEntry>(Size);
        void Add(Operation op, SourceMode s, DestinationMode d, bool f0, bool f1, string meaning, uint ergs, bool kernel = false, bool noStatic = false) =>
            list.Add(new OpcodeTableEntry(list.Count, op, s, d, f0, f1, meaning, ergs, kernel, noStatic));

        var allSources = Enum.GetValues<SourceMode>();
        var allDestinations = Enum.GetValues<DestinationMode>();
        bool[] bits = [false, true];

        // A "full" opcode uses every src and dst mode; its flags vary fastest, flag1 innermost.
        void Full(Operation op, string meaning, int flagCount)
        {
            foreach (var s in allSources)
            {
                foreach (var d in allDestinations)
                {
                    if (flagCount == 0)
                    {
                        Add(op, s, d, false, false, meaning, 6);
                        continue;
                    }
                    foreach (var f0 in bits)
                    {
                        if (flagCount == 1)
                        {
                            Add(op, s, d, f0, false, meaning, 6);
                            continue;
                        }
                        foreach (var f1 in bits)
                        {
                            Add(op, s, d, f0, f1, meaning, 6);
                        }
                    }
                }
            }
        }

        Add(Operation.Invalid, SourceMode.Reg, DestinationMode.Reg, false, false, "", InvalidErgs);
        Full(Operation.Nop, "", 0);
        Full(Operation.Add, "set_flags", 1);
        Full(Operation.Sub, "set_flags|swap", 2);
        Full(Operation.Mul, "set_flags", 1);
        Full(Operation.Div, "set_flags|swap", 2);
        foreach (var s in allSources)
        {
            Add(Operation.Jump, s, DestinationMode.Reg, false, false, "", 6);
        }
        foreach (var op in new[] { Operation.Xor, Operation.And, Operation.Or })
        {
            Full(op, "set_flags", 1);
        }
        foreach (var op in new[] { Operation.Shl, Operation.Shr, Operation.Rol, Operation.Ror })
        {
            Full(op, "set_flags|swap", 2);
        }
        foreach (var op in new[] { Operation.PtrAdd, Operation.PtrSub, Operation.PtrPack, Operation.PtrShrink })
        {
            Full(op, "swap", 1);
        }

        const SourceMode R = SourceMode.Reg;
        const DestinationMode D = DestinationMode.Reg;
        Add(Operation.NearCall, R, D, false, false, "", 25);
        for (var op = Operation.CtxThis; op <= Operation.CtxIncrementTxNumber; op++)
        {
            var privileged = op >= Operation.CtxSetContextU128;
            Add(op, R, D, false, false, "", 5, privileged, privileged);
        }
        Add(Operation.LogStorageRead, R, D, false, false, "", 2008);
        Add(Operation.LogStorageWrite, R, D, false, false, "", 5511, noStatic: true);
        foreach (var first in bits)
        {
            Add(Operation.LogToL1, R, D, first, false, "is_first", 109, true, true);
        }
        foreach (var first in bits)
        {
            Add(Operation.LogEvent, R, D, first, false, "is_first", 34, true, true);
        }
        Add(Operation.LogPrecompile, R, D, false, false, "", 6, kernel: true);
        foreach (var op in new[] { Operation.FarCallNormal, Operation.FarCallDelegate, Operation.FarCallMimic })
        {
            foreach (var isStatic in bits)
            {
                foreach (var shard in bits)
                {
                    Add(op, R, D, isStatic, shard, "static|shard", 183, kernel: op == Operation.FarCallMimic);
                }
            }
        }
        foreach (var op in new[] { Operation.RetOk, Operation.RetRevert, Operation.RetPanic })
        {
            foreach (var toLabel in bits)
            {
                Add(op, R, D, toLabel, false, "to_label", 5);
            }
        }

        // ISA 1 (UMA); the fat-pointer read has no immediate form.
        Operation[] heapOps = [Operation.UmaHeapRead, Operation.UmaHeapWrite, Operation.UmaAuxHeapRead, Operation.UmaAuxHeapWrite];
        static uint UmaErgs(Operation op) => op is Operation.UmaHeapWrite or Operation.UmaAuxHeapWrite or Operation.UmaStaticWrite ? 13u : 7u;
        foreach (var op in heapOps.Append(Operation.UmaFatPtrRead))
        {
            foreach (var inc in bits)
            {
                Add(op, R, D, inc, false, "increment", UmaErgs(op));
            }
        }
        foreach (var op in heapOps)
        {
            foreach (var inc in bits)
            {
                Add(op, SourceMode.Imm, D, inc, false, "increment", UmaErgs(op));
            }
        }

        // ISA 2: decommit, transient storage, kernel static memory.
        Add(Operation.LogDecommit, R, D, false, false, "", 6, kernel: true);
        Add(Operation.LogTransientRead, R, D, false, false, "", 38);
        Add(Operation.LogTransientWrite, R, D, false, false, "", 71, noStatic: true);
        foreach (var op in new[] { Operation.UmaStaticRead, Operation.UmaStaticWrite })
        {
            foreach (var s in new[] { SourceMode.Reg, SourceMode.Imm })
            {
                foreach (var inc in bits)
                {
                    Add(op, s, D, inc, false, "increment", UmaErgs(op), kernel: true);
                }
            }
        }

        while (list.Count < Size)
        {
            Add(Operation.Invalid, R, D, false, false, "", InvalidErgs);
        }
        return [.. list];
    }
}
