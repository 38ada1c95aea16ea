// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>
/// The IO subsystem: the world state (accounts, storage, code), transient storage, events, warm sets,
/// EIP-2200 original values and self-destruct bookkeeping, behind nested snapshots with rollback.
/// EEs see it as <see cref="ISystem"/> and pay per their EE's rules; the bootloader uses the rest
/// (transactions, transfers, nonces, deployment). Every change is journaled, so a snapshot is just the
/// journal's length. Split by concern across IoSubsystem.*.cs.
/// </summary>
public sealed partial class IoSubsystem : ISystem
{
    private readonly Dictionary<Address, Account> _accounts = [];
    private readonly List<JournalEntry> _journal = [];
    private readonly List<LogEntry> _logs = [];
    private readonly List<L1Message> _messages = [];
    private readonly HashSet<Address> _warmAccounts = [];
    private readonly HashSet<(Address, UInt256)> _warmSlots = [];
    private readonly Dictionary<(Address, UInt256), UInt256> _transient = [];
    private readonly Dictionary<(Address, UInt256), UInt256> _originals = [];
    private readonly HashSet<Address> _touched = [];
    private readonly HashSet<Address> _createdInTransaction = [];
    private readonly HashSet<Address> _destructed = [];
    private readonly HashSet<ulong> _unknownBlockHashes = [];
    private BlockContext _block;
    private TransactionContext _transaction;
    private UInt256[] _blockHashes = [];
    private long _refund;

    public IoSubsystem(IoRules rules)
    {
        Rules = rules;
    }

    public IoRules Rules { get; }

    public ref readonly BlockContext Block => ref _block;

    public ref readonly TransactionContext Transaction => ref _transaction;

    /// <summary>The accounts as they stand (for commitments and outputs).</summary>
    public IReadOnlyDictionary<Address, Account> Accounts => _accounts;

    /// <summary>Events of the current transaction so far.</summary>
    public IReadOnlyList<LogEntry> Logs => _logs;

    /// <summary>L2→L1 messages of the current transaction so far.</summary>
    public IReadOnlyList<L1Message> Messages => _messages;

    /// <summary>
    /// Block numbers the current transaction asked BLOCKHASH for that lie in its 256-block window but whose
    /// hash the block context did not supply (zero was answered). A replay that knows only some hashes
    /// uses it to tell a wrong result it caused from a bug.
    /// </summary>
    public IReadOnlyCollection<ulong> UnknownBlockHashReads => _unknownBlockHashes;

    /// <summary>EIP-3529's refund counter for the current transaction (may dip below zero mid-way).</summary>
    public long Refund => _refund;

    /// <summary>
    /// Sets the block facts. <paramref name="blockHashes"/> holds the hashes of the previous blocks,
    /// newest first (index 0 is block <c>number - 1</c>), at most 256.
    /// </summary>
    public void BeginBlock(in BlockContext block, UInt256[] blockHashes)
    {
        _block = block;
        _blockHashes = blockHashes;
    }

    public UInt256 GetBlockHash(ulong number)
    {
        var current = _block.Number;
        if (number >= current || current - number > 256)
        {
            return UInt256.Zero;
        }
        var index = current - 1 - number;
        if (index < (ulong)_blockHashes.Length)
        {
            return _blockHashes[index];
        }
        _unknownBlockHashes.Add(number);
        return UInt256.Zero;
    }

    /// <summary>Puts an account into the initial state (genesis, a test's pre-state), outside any journal.</summary>
    public void SeedAccount(in Address address, ulong nonce, in UInt256 balance, byte[] code, IEnumerable<KeyValuePair<UInt256, UInt256>> storage)
    {
        var account = new Account { Nonce = nonce, Balance = balance };
        if (code.Length > 0)
        {
            account.Code = code;
            account.CodeHash = Framework.Crypto.Keccak256.Hash(code);
        }
        foreach (var (key, value) in storage)
        {
            if (!value.Equals(UInt256.Zero))
            {
                account.Storage[key] = value;
            }
        }
        _accounts[address] = account;
    }

    public Account? GetAccount(in Address address) => _accounts.GetValueOrDefault(address);

    public bool Exists(in Address address) => _accounts.ContainsKey(address);
}
