// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>
/// Bytecode set from a preimage the state already knows (the ZKsync contract deployer, reference §4.8):
/// the code is not published again, so the account's pubdata diff carries only its hash
/// (upstream's <c>not_publish_bytecode</c>).
/// </summary>
public sealed partial class IoSubsystem
{
    private readonly HashSet<Address> _bytecodeNotPublished = [];

    /// <summary>Accounts whose current bytecode came from a known preimage in this block.</summary>
    public IReadOnlyCollection<Address> BytecodeNotPublished => _bytecodeNotPublished;

    public bool IsBytecodeNotPublished(in Address address) => _bytecodeNotPublished.Contains(address);

    /// <summary>
    /// The bytecode whose blake2s hash is <paramref name="hash"/> and length <paramref name="length"/>:
    /// the code of an account the block already holds, else a preimage of the state source; null when
    /// neither knows it. The hash is checked, so a wrong preimage is never used.
    /// </summary>
    public ReadOnlyMemory<byte>? FindBytecode(in Bytes32 hash, int length)
    {
        foreach (var account in _accounts.Values)
        {
            if (account.Code.Length == length && length > 0 && Blake2s256.Hash(account.Code.Span) == hash)
            {
                return account.Code;
            }
        }
        var preimage = _source?.ReadPreimage(hash, length);
        return preimage is not null && preimage.Length == length && Blake2s256.Hash(preimage) == hash ? preimage : null;
    }

    /// <summary>
    /// Sets the account's code from a known preimage and marks it not to be published; the nonce and
    /// balance stay. Journaled, so a reverted call undoes both.
    /// </summary>
    public void SetBytecodeFromPreimage(in Address address, ReadOnlySpan<byte> bytecode, byte eeType)
    {
        SetCode(address, bytecode, eeType);
        if (_bytecodeNotPublished.Add(address))
        {
            _journal.Add(new JournalEntry(JournalKind.BytecodeNotPublished, address));
        }
    }
}
