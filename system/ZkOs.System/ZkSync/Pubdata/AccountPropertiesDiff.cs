// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Accounts;

namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>
/// An account-properties slot <c>(0x8003, 0^12 ‖ address)</c>: instead of a value diff of the
/// properties hash, the stream carries the <see cref="AccountDiffCompression">account diff</see>
/// of the block-initial and final properties.
/// </summary>
/// <param name="FlatKey">The flat key of the 0x8003 slot (not of the address itself).</param>
/// <param name="Initial">The properties at block start (<see cref="AccountProperties.Trivial"/> for a new account).</param>
/// <param name="Final">The properties at block end.</param>
/// <param name="Bytecode">
/// The final bytecode, needed only when the diff is <see cref="AccountDiffKind.Full"/> (then exactly
/// <c>Final.BytecodeLength</c> bytes); empty otherwise. Record equality compares it by reference.
/// </param>
/// <param name="NotPublishBytecode">
/// The account cache's <c>not_publish_bytecode</c> flag (set by <c>set_bytecode_details</c>): publish
/// the bytecode hash (<see cref="AccountDiffKind.ForceDeploy"/>) instead of the bytecode.
/// </param>
public sealed record AccountPropertiesDiff(
    Bytes32 FlatKey,
    AccountProperties Initial,
    AccountProperties Final,
    ReadOnlyMemory<byte> Bytecode,
    bool NotPublishBytecode) : StateDiff(FlatKey)
{
    public override bool IsChanged => Initial != Final;

    public override int DiffLength => AccountDiffCompression.Length(Initial, Final, NotPublishBytecode);

    public override int WriteDiff(Span<byte> destination) =>
        AccountDiffCompression.Write(Initial, Final, Bytecode.Span, NotPublishBytecode, destination);
}
