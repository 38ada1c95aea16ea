// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.EraVm.World;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// The EraVM machine (eravm.md §1): registers with pointer tags, flags, the far-frame stack, memory pages
/// and the world journal. Handlers (Instructions/) hold the business logic of each table entry and reach
/// the state through the members here; the loop is in <c>EraVmMachine.Run.cs</c>, calls and returns in
/// <c>EraVmMachine.Calls.cs</c>, memory in <c>EraVmMachine.Memory.cs</c>. One machine serves many runs: frames and
/// pages are pooled, so a steady-state call allocates nothing.
/// </summary>
public sealed partial class EraVmMachine
{
    /// <summary>Kernel contracts get a 2 MiB heap stipend, user contracts 4 KiB (eravm.md §1).</summary>
    public const uint KernelHeapStipend = 2 * 1024 * 1024;
    public const uint UserHeapStipend = 4096;

    /// <summary>Frames of accounts whose code hash is an EVM blob (version 2) get 56 KiB.</summary>
    public const uint EvmHeapStipend = 56 * 1024;

    /// <summary>The first page id of far-call page groups, 8 ids per call (eravm.md §1).</summary>
    public const uint FirstPageGroup = 2048;

    internal readonly UInt256[] Registers = new UInt256[16];
    internal ushort PointerFlags;
    /// <summary>The three flags as bits: 1 = LT_OF, 2 = EQ, 4 = GT (the index into <see cref="PredicateMasks"/>).</summary>
    internal int FlagBits;

    /// <summary>
    /// The registers the running instruction wrote (bit n = rn; all bits after a far call or return).
    /// zk_evm zeroes the register named by dst1 after reading the sources and before any write
    /// (zksync-protocol#222), so the loop zeroes dst1 afterwards only when no write reached it.
    /// </summary>
    internal int RegistersWritten;

    private readonly List<CallFrame> _framePool = new(4);
    private int _depth;

    public EraVmMachine(IEraVmHost host)
    {
        Host = host;
    }

    public IEraVmHost Host { get; set; }

    public WorldDiff World { get; } = new();

    public MachineStatus Status { get; internal set; }

    /// <summary>The frame running now.</summary>
    public CallFrame Current { get; private set; } = null!;

    public int Depth => _depth;

    /// <summary>The value <c>set_context_u128</c> left for the next far call.</summary>
    internal UInt256 PendingContextU128;

    /// <summary>After the root returned or reverted: its return data.</summary>
    public ReadOnlyMemory<byte> ReturnData { get; private set; }

    public PendingExternalCall PendingCall { get; private set; }

    /// <summary>Instructions executed, for cycle limits and reports.</summary>
    public long Cycles { get; private set; }

    /// <summary>Ergs the root frame has left (meaningful once it ended).</summary>
    public uint RootErgsLeft { get; private set; }

    public bool IsPointer(int register) => (PointerFlags & (1 << register)) != 0;

    public UInt256 Register(int register) => Registers[register];

    public (bool Lt, bool Eq, bool Gt) Flags => ((FlagBits & 1) != 0, (FlagBits & 2) != 0, (FlagBits & 4) != 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void SetRegister(int register, in UInt256 value, bool isPointer)
    {
        if (register == 0)
        {
            return;
        }
        Registers[register] = value;
        RegistersWritten |= 1 << register;
        if (isPointer)
        {
            PointerFlags |= (ushort)(1 << register);
        }
        else
        {
            PointerFlags &= (ushort)~(1 << register);
        }
    }

    internal void SetDst1(int register, in UInt256 value, bool isPointer) => SetRegister(register, value, isPointer);

    /// <summary>
    /// Pointer erasure (eravm.md §1, changed in 1.5): outside kernel mode a tagged value reaching an
    /// instruction that does not take pointers loses its page and start fields.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal UInt256 Erase(in UInt256 value, bool isPointer) =>
        isPointer && !Current.IsKernel ? new UInt256(value.U0 & 0xFFFF_FFFF, value.U1 & 0xFFFF_FFFF_0000_0000, value.U2, value.U3) : value;

    internal void SetFlags(bool lt, bool eq, bool gt)
    {
        FlagBits = (lt ? 1 : 0) | (eq ? 2 : 0) | (gt ? 4 : 0);
    }

    public static bool IsKernelAddress(in Address address)
    {
        var word = address.ToUInt256();
        return (word.U1 | word.U2 | (word.U0 >> 16)) == 0;
    }

    private CallFrame RentFrame()
    {
        if (_depth == _framePool.Count)
        {
            _framePool.Add(new CallFrame());
        }
        var frame = _framePool[_depth];
        frame.Reset();
        return frame;
    }
}
