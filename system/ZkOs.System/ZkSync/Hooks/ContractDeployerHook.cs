// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Buffers.Binary;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;

namespace ZkOs.System.ZkSync.Hooks;

/// <summary>
/// The contract deployer at 0x8006 (reference §4.8), how protocol upgrades place code:
/// <c>setBytecodeDetailsEVM(address, bytes32 bytecodeHash, uint32 bytecodeLength, bytes32 observableHash)</c>
/// gives the address the EVM bytecode whose blake2s hash is <c>bytecodeHash</c>. The bytecode must be a
/// preimage the state already knows, so it is not published again (the pubdata carries a force-deploy
/// diff with the hash). Only the complex upgrader (0x800f) may call it, not statically; nonce and balance
/// stay as they are.
/// </summary>
/// <remarks>
/// The account model derives the observable hash from the code (keccak for EVM), so an observable hash
/// other than keccak of the preimage is refused rather than stored: the state could not reproduce it.
/// </remarks>
public sealed class ContractDeployerHook : ISystemHook
{
    public const uint SetBytecodeDetailsEvmSelector = 0xf6eca0b0;

    /// <summary>EIP-170: the longest EVM runtime code.</summary>
    public const int MaxBytecodeLength = 24_576;

    /// <summary>Selector and four static words.</summary>
    private const int CalldataLength = 4 + 4 * 32;

    public ushort Address => 0x8006;

    public string Name => "contract deployer";

    public bool Execute(in CallRequest request, byte callerEe, IoSubsystem io, ref Resources resources, IBufferWriter<byte> output)
    {
        var calldata = request.Calldata.Span;
        if (!HookCalls.ChargeStep(ref resources) || !HookCalls.IsPlainCall(request)
            || !request.Caller.Equals(SystemAddresses.ComplexUpgrader)
            || calldata.Length != CalldataLength || !HookCalls.HasSelector(calldata, SetBytecodeDetailsEvmSelector)
            || !HookCalls.TryReadAddress(calldata.Slice(4, 32), out var target))
        {
            return false;
        }
        var bytecodeHash = new Bytes32(calldata.Slice(36, 32));
        var lengthWord = calldata.Slice(68, 32);
        if (lengthWord[..28].IndexOfAnyExcept((byte)0) >= 0)
        {
            return false;
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(lengthWord[28..]);
        var observableHash = new Bytes32(calldata.Slice(100, 32));
        if (length > MaxBytecodeLength || io.FindBytecode(bytecodeHash, (int)length) is not { } bytecode
            || Framework.Crypto.Keccak256.Hash(bytecode.Span) != observableHash)
        {
            return false;
        }
        io.SetBytecodeFromPreimage(target, bytecode.Span, EeType.Evm);
        return true;
    }
}
