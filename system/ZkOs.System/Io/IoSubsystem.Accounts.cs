// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>Accounts as EEs see them (BALANCE, EXTCODE*, the access a CALL pays).</summary>
public sealed partial class IoSubsystem
{
    public SystemStatus GetBalance(byte ee, ref Resources resources, in Address address, out UInt256 balance)
    {
        var status = ChargeAccountAccess(ee, ref resources, address);
        balance = status == SystemStatus.Ok ? BalanceOf(address) : UInt256.Zero;
        return status;
    }

    public SystemStatus GetSelfBalance(byte ee, ref Resources resources, in Address address, out UInt256 balance)
    {
        var status = Charge(ee, ref resources, 0, AccessCosts.AccountAccessNative);
        balance = status == SystemStatus.Ok ? BalanceOf(address) : UInt256.Zero;
        return status;
    }

    public SystemStatus AccessAccount(byte ee, ref Resources resources, in Address address, out bool isEmpty)
    {
        var status = ChargeAccountAccess(ee, ref resources, address);
        isEmpty = Find(address) is not { } account || account.IsEmpty;
        return status;
    }

    public SystemStatus GetNonce(byte ee, ref Resources resources, in Address address, out ulong nonce)
    {
        var status = ChargeAccountAccess(ee, ref resources, address);
        nonce = status == SystemStatus.Ok && Find(address) is { } account ? account.Nonce : 0;
        return status;
    }

    public SystemStatus GetCodeSize(byte ee, ref Resources resources, in Address address, out uint size)
    {
        var status = ChargeAccountAccess(ee, ref resources, address);
        size = status == SystemStatus.Ok && Find(address) is { } account ? (uint)account.Code.Length : 0;
        return status;
    }

    /// <summary>EIP-1052 with EIP-161: zero for an absent or empty account, else keccak of the code.</summary>
    public SystemStatus GetCodeHash(byte ee, ref Resources resources, in Address address, out Bytes32 hash)
    {
        var status = ChargeAccountAccess(ee, ref resources, address);
        hash = status == SystemStatus.Ok && Find(address) is { } account && !account.IsEmpty
            ? account.CodeHash
            : Bytes32.Zero;
        return status;
    }

    public SystemStatus GetCode(byte ee, ref Resources resources, in Address address, out ReadOnlyMemory<byte> code)
    {
        var status = ChargeAccountAccess(ee, ref resources, address);
        code = status == SystemStatus.Ok ? CodeOf(address) : ReadOnlyMemory<byte>.Empty;
        return status;
    }

    public UInt256 BalanceOf(in Address address) =>
        Find(address) is { } account ? account.Balance : UInt256.Zero;

    public ulong NonceOf(in Address address) =>
        Find(address) is { } account ? account.Nonce : 0;

    public ReadOnlyMemory<byte> CodeOf(in Address address) =>
        Find(address) is { } account ? account.Code : ReadOnlyMemory<byte>.Empty;

    /// <summary>True when the account is absent or empty in the EIP-161 sense.</summary>
    public bool IsDead(in Address address) => Find(address) is not { } account || account.IsEmpty;

    /// <summary>EIP-2929: 2,600 gas the first time a transaction touches an account, 100 after.</summary>
    private SystemStatus ChargeAccountAccess(byte ee, ref Resources resources, in Address address)
    {
        var cold = WarmAccount(address);
        return Charge(ee, ref resources, cold ? AccessCosts.ColdAccountAccessGas : AccessCosts.WarmAccessGas, AccessCosts.AccountAccessNative);
    }
}
