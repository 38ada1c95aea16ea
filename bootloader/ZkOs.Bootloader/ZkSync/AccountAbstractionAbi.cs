// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// The calls the bootloader makes to accounts, paymasters and ERC-20 tokens during validation
/// (reference §5.4), and the paymaster's answer. Every account-abstraction method has the shape
/// <c>f(bytes32 txHash, bytes32 suggestedSignedHash, Transaction tx)</c> where <c>Transaction</c> is the
/// Era tuple; its ABI encoding is exactly the transaction body (§5.2), behind a head offset of 0x60.
/// </summary>
public static class AccountAbstractionAbi
{
    /// <summary>The Era <c>Transaction</c> tuple as a signature type.</summary>
    public const string TransactionTuple =
        "(uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint256[4],bytes,bytes,bytes32[],bytes,bytes)";

    /// <summary><c>validateTransaction(bytes32,bytes32,Transaction)</c>; its selector is also the magic value it returns.</summary>
    public const uint ValidateTransactionSelector = 0x202bcce7;

    /// <summary><c>payForTransaction(bytes32,bytes32,Transaction)</c>.</summary>
    public const uint PayForTransactionSelector = 0xe2f318e3;

    /// <summary><c>prepareForPaymaster(bytes32,bytes32,Transaction)</c>.</summary>
    public const uint PrepareForPaymasterSelector = 0xa28c1aee;

    /// <summary><c>executeTransaction(bytes32,bytes32,Transaction)</c>.</summary>
    public const uint ExecuteTransactionSelector = 0xdf9c1589;

    /// <summary><c>validateAndPayForPaymasterTransaction(bytes32,bytes32,Transaction)</c>; also the paymaster's magic.</summary>
    public const uint ValidateAndPayForPaymasterTransactionSelector = 0x038a24bc;

    /// <summary>Paymaster input <c>approvalBased(address token, uint256 minAllowance, bytes innerInput)</c>.</summary>
    public const uint ApprovalBasedSelector = 0x949431dc;

    /// <summary>Paymaster input <c>general(bytes innerInput)</c>.</summary>
    public const uint GeneralSelector = 0x8c5a3445;

    /// <summary>ERC-20 <c>allowance(address,address)</c>.</summary>
    public const uint AllowanceSelector = 0xdd62ed3e;

    /// <summary>ERC-20 <c>approve(address,uint256)</c>.</summary>
    public const uint ApproveSelector = 0x095ea7b3;

    /// <summary>The longest context a paymaster may return.</summary>
    public const int MaxPaymasterContextLength = 1056;

    private const int Word = 32;

    // The encoders write into a zeroed buffer of the given length that the caller takes from the run's
    // allocator (the arena when proving), so encoding a call allocates nothing of its own.

    /// <summary>The length of <see cref="TransactionCall"/>'s calldata for a body of <paramref name="bodyLength"/> bytes.</summary>
    public static int TransactionCallLength(int bodyLength) => 4 + 3 * Word + bodyLength;

    /// <summary>The length of <see cref="Allowance"/>'s and <see cref="Approve"/>'s calldata.</summary>
    public const int TokenCallLength = 4 + 2 * Word;

    /// <summary><c>selector ‖ txHash ‖ suggestedSignedHash ‖ 0x60 ‖ body</c> into the zeroed <paramref name="calldata"/>.</summary>
    public static void TransactionCall(uint selector, in Bytes32 txHash, in Bytes32 suggestedSignedHash, ReadOnlySpan<byte> body, Span<byte> calldata)
    {
        BinaryPrimitives.WriteUInt32BigEndian(calldata, selector);
        txHash.WriteTo(calldata[4..]);
        suggestedSignedHash.WriteTo(calldata[(4 + Word)..]);
        calldata[4 + 3 * Word - 1] = 3 * Word;
        body.CopyTo(calldata[(4 + 3 * Word)..]);
    }

    /// <summary>ERC-20 <c>allowance(owner, spender)</c> into the zeroed <paramref name="calldata"/>.</summary>
    public static void Allowance(in Address owner, in Address spender, Span<byte> calldata)
    {
        BinaryPrimitives.WriteUInt32BigEndian(calldata, AllowanceSelector);
        owner.WriteTo(calldata[(4 + 12)..]);
        spender.WriteTo(calldata[(4 + Word + 12)..]);
    }

    /// <summary>ERC-20 <c>approve(spender, amount)</c> into the zeroed <paramref name="calldata"/>.</summary>
    public static void Approve(in Address spender, in UInt256 amount, Span<byte> calldata)
    {
        BinaryPrimitives.WriteUInt32BigEndian(calldata, ApproveSelector);
        spender.WriteTo(calldata[(4 + 12)..]);
        amount.WriteBigEndian(calldata[(4 + Word)..]);
    }

    /// <summary>The flow's selector, or null when the input is shorter than one.</summary>
    public static uint? Flow(ReadOnlySpan<byte> paymasterInput) =>
        paymasterInput.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(paymasterInput) : null;

    /// <summary>The token (a clean address word) and the minimal allowance of an <c>approvalBased</c> input.</summary>
    public static bool TryReadApprovalBased(ReadOnlySpan<byte> paymasterInput, out Address token, out UInt256 minAllowance)
    {
        token = default;
        minAllowance = default;
        if (paymasterInput.Length < 4 + 2 * Word || paymasterInput.Slice(4, 12).IndexOfAnyExcept((byte)0) >= 0)
        {
            return false;
        }
        token = new Address(paymasterInput.Slice(4 + 12, 20));
        minAllowance = UInt256.ReadBigEndian(paymasterInput.Slice(4 + Word, Word));
        return true;
    }

    /// <summary>
    /// Checks the paymaster's <c>(bytes4 magic, bytes context)</c>: at least two words, the magic,
    /// a context offset inside the returndata, and a context that fits in it and in 1056 bytes.
    /// </summary>
    /// <param name="returnData">Read where it is (the runner's output): checking it copies nothing.</param>
    public static (InvalidTransaction Kind, string Reason)? CheckPaymasterReturn(ReadOnlyMemory<byte> returnData, out ReadOnlyMemory<byte> context)
    {
        context = default;
        if (returnData.Length < 2 * Word)
        {
            return (InvalidTransaction.PaymasterReturnDataTooShort, $"the paymaster returned {returnData.Length} bytes, fewer than 64");
        }
        Span<byte> magic = stackalloc byte[Word];
        magic.Clear();
        BinaryPrimitives.WriteUInt32BigEndian(magic, ValidateAndPayForPaymasterTransactionSelector);
        if (!returnData.Span[..Word].SequenceEqual(magic))
        {
            return (InvalidTransaction.PaymasterInvalidMagic, "the paymaster did not return its selector as the magic value");
        }
        var offset = UInt256.ReadBigEndian(returnData.Span.Slice(Word, Word));
        if (!UInt256.FitsInUlong(in offset) || offset.U0 > (ulong)(returnData.Length - Word))
        {
            return (InvalidTransaction.PaymasterContextOffsetTooLong, $"context offset {offset} past the {returnData.Length}-byte returndata");
        }
        var at = (int)offset.U0;
        var length = UInt256.ReadBigEndian(returnData.Span.Slice(at, Word));
        if (!UInt256.FitsInUlong(in length) || length.U0 > MaxPaymasterContextLength || length.U0 > (ulong)(returnData.Length - at - Word))
        {
            return (InvalidTransaction.PaymasterContextInvalid, $"a context of {length} bytes (at most {MaxPaymasterContextLength}, inside the returndata)");
        }
        context = returnData.Slice(at + Word, (int)length.U0);
        return null;
    }
}
