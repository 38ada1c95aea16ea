// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Execution;

/// <summary>
/// The system as an execution environment sees it (reference/zksync-os.md §4.2 <c>IOSubsystem</c>):
/// block and transaction facts, storage, accounts, events and messages. Every request names the
/// calling EE's type and pays from the frame's resources, because what a request costs (EIP-2929
/// warm/cold gas, native) depends on the EE's rules, which the system applies. No request allocates.
/// </summary>
public interface ISystem
{
    ref readonly BlockContext Block { get; }

    ref readonly TransactionContext Transaction { get; }

    /// <summary>The hash of block <paramref name="number"/>, or zero outside the last 256 blocks.</summary>
    UInt256 GetBlockHash(ulong number);

    SystemStatus ReadStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, out UInt256 value);

    SystemStatus WriteStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, in UInt256 value);

    SystemStatus ReadTransientStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, out UInt256 value);

    SystemStatus WriteTransientStorage(byte ee, ref Resources resources, in Address address, in UInt256 key, in UInt256 value);

    SystemStatus GetBalance(byte ee, ref Resources resources, in Address address, out UInt256 balance);

    /// <summary>The running account's own balance: always warm, so only the EE's flat price applies (EVM SELFBALANCE).</summary>
    SystemStatus GetSelfBalance(byte ee, ref Resources resources, in Address address, out UInt256 balance);

    /// <summary>
    /// Touches an account the EE is about to call, charging the EE's access price (EVM: EIP-2929 warm
    /// 100 / cold 2600 gas) and warming it; <paramref name="isEmpty"/> tells whether it is empty in
    /// the EIP-161 sense (no code, zero nonce and balance), which prices value transfers.
    /// </summary>
    SystemStatus AccessAccount(byte ee, ref Resources resources, in Address address, out bool isEmpty);

    SystemStatus GetNonce(byte ee, ref Resources resources, in Address address, out ulong nonce);

    /// <summary>The size of the code an observer sees (EXTCODESIZE).</summary>
    SystemStatus GetCodeSize(byte ee, ref Resources resources, in Address address, out uint size);

    /// <summary>The hash an observer sees (EXTCODEHASH): zero for an empty account.</summary>
    SystemStatus GetCodeHash(byte ee, ref Resources resources, in Address address, out Bytes32 hash);

    /// <summary>The account's code; the memory stays valid until the end of the transaction.</summary>
    SystemStatus GetCode(byte ee, ref Resources resources, in Address address, out ReadOnlyMemory<byte> code);

    SystemStatus EmitEvent(byte ee, ref Resources resources, in Address address, ReadOnlySpan<UInt256> topics, ReadOnlySpan<byte> data);

    /// <summary>Sends an L2→L1 message; <paramref name="hash"/> is keccak(data).</summary>
    SystemStatus EmitL1Message(byte ee, ref Resources resources, in Address sender, ReadOnlySpan<byte> data, out Bytes32 hash);

    /// <summary>SELFDESTRUCT: moves the balance to <paramref name="beneficiary"/> and, under EIP-6780, marks the account for removal.</summary>
    SystemStatus MarkForDeconstruction(byte ee, ref Resources resources, in Address account, in Address beneficiary, bool inConstructor);
}
