// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Variants;

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
    private readonly Dictionary<(Address, UInt256), UInt256> _storage = [];
    private readonly Dictionary<Address, AccountSnapshot?> _initialAccounts = [];
    private readonly Dictionary<(Address, UInt256), InitialSlot> _initialSlots = [];
    // The per-transaction sets start at the size of an ordinary transaction (the sender, the callee, the
    // ten precompiles and the coinbase are warm before the first instruction): the block's first
    // transaction then does not spend its time growing them. They are cleared, never shrunk.
    private const int WarmAccountCapacity = 32;
    private const int WarmSlotCapacity = 64;
    private const int JournalCapacity = 128;

    private readonly List<JournalEntry> _journal = new(JournalCapacity);
    // The log arena: a record per event, its topics and data in flat buffers that are cleared, not
    // reallocated, per transaction; views into it (LogList) check the generation to detect staleness.
    private readonly List<LogRecord> _logs = [];
    private UInt256[] _logTopics = new UInt256[16];
    private int _logTopicCount;
    private byte[] _logData = new byte[256];
    private int _logDataLength;
    private long _logGeneration;
    private readonly List<L1Message> _messages = [];
    private readonly HashSet<Address> _warmAccounts = new(WarmAccountCapacity);
    private readonly HashSet<(Address, UInt256)> _warmSlots = new(WarmSlotCapacity);
    private readonly Dictionary<(Address, UInt256), UInt256> _transient = [];
    private readonly Dictionary<(Address, UInt256), UInt256> _originals = new(WarmSlotCapacity);
    private readonly HashSet<Address> _touched = new(WarmAccountCapacity);
    private readonly HashSet<Address> _createdInTransaction = [];
    private readonly HashSet<Address> _destructed = [];
    private readonly HashSet<ulong> _unknownBlockHashes = [];
    private BlockContext _block;
    private TransactionContext _transaction;
    private UInt256[] _blockHashes = [];
    private long _refund;

    /// <param name="source">Where state not seen yet in the block comes from; null when everything is seeded.</param>
    /// <param name="memory">
    /// Where deployed code and message data are copied: the run's allocator (the prover's arena), reset with the block; a
    /// new array per deployment when null.
    /// </param>
    public IoSubsystem(IoRules rules, IStateSource? source = null, IStfMemory? memory = null)
    {
        Rules = rules;
        _source = source;
        _memory = memory;
    }

    private readonly IStateSource? _source;
    private readonly IStfMemory? _memory;
    // Accounts of earlier blocks, reused by the next one (see Reset): a warm prover allocates none.
    private readonly Stack<Account> _spareAccounts = new();
    private int _accountsMade;

    public IoRules Rules { get; }

    public ref readonly BlockContext Block => ref _block;

    public ref readonly TransactionContext Transaction => ref _transaction;

    /// <summary>The accounts seen so far, as they stand (for commitments and outputs).</summary>
    public IReadOnlyDictionary<Address, Account> Accounts => _accounts;

    /// <summary>Every slot seen so far, as it stands; a zero value is an empty slot.</summary>
    public IReadOnlyDictionary<(Address Address, UInt256 Key), UInt256> Storage => _storage;

    /// <summary>Each account seen in the block as it was when the block began (null: it did not exist).</summary>
    public IReadOnlyDictionary<Address, AccountSnapshot?> InitialAccounts => _initialAccounts;

    /// <summary>Each slot seen in the block as it was when the block began.</summary>
    public IReadOnlyDictionary<(Address Address, UInt256 Key), InitialSlot> InitialSlots => _initialSlots;

    // The maps above enumerated without boxing an interface enumerator: the proving run's finish
    // walks them once per block and must not allocate.

    /// <summary><see cref="Accounts"/>' entries, through the dictionary's struct enumerator.</summary>
    public Dictionary<Address, Account>.Enumerator EnumerateAccounts() => _accounts.GetEnumerator();

    /// <summary><see cref="InitialAccounts"/>' entries, through the dictionary's struct enumerator.</summary>
    public Dictionary<Address, AccountSnapshot?>.Enumerator EnumerateInitialAccounts() => _initialAccounts.GetEnumerator();

    /// <summary><see cref="InitialSlots"/>' entries, through the dictionary's struct enumerator.</summary>
    public Dictionary<(Address, UInt256), InitialSlot>.Enumerator EnumerateInitialSlots() => _initialSlots.GetEnumerator();

    /// <summary>Events of the current transaction so far, copied out (allocates; see <see cref="LogViews"/>).</summary>
    public IReadOnlyList<LogEntry> Logs => LogViews.ToEntries();

    /// <summary>
    /// Events of the current transaction so far without a copy: views valid until the next transaction
    /// begins. The hot path's way to read them.
    /// </summary>
    public LogList LogViews => new(this, _logGeneration, _logs.Count);

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
    /// Forgets everything a previous block saw or changed (state, initial values, the journal, the
    /// transaction's sets), keeping every collection's capacity: a reusable machine starts the next
    /// block from the state source alone, even after a block that failed half-way. The block's
    /// <see cref="Account"/> objects are reused by the next one: a caller must not keep them past this.
    /// </summary>
    public void Reset()
    {
        BeginTransaction(default);
        foreach (var account in _accounts.Values)
        {
            _spareAccounts.Push(account);
        }
        _accounts.Clear();
        _storage.Clear();
        _initialAccounts.Clear();
        _initialSlots.Clear();
        _bytecodeNotPublished.Clear();
        _blockHashes = [];
    }

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
    public void SeedAccount(in Address address, ulong nonce, in UInt256 balance, byte[] code, IEnumerable<KeyValuePair<UInt256, UInt256>> storage, byte eeType = Framework.Execution.EeType.Evm)
    {
        var account = NewAccount();
        account.Nonce = nonce;
        account.Balance = balance;
        if (code.Length > 0)
        {
            account.Code = code;
            account.CodeHash = Framework.Crypto.Keccak256.Hash(code);
            account.EeType = eeType;
        }
        _accounts[address] = account;
        _initialAccounts[address] = new AccountSnapshot(nonce, balance, code, account.EeType);
        foreach (var (key, value) in storage)
        {
            SeedSlot(address, key, value);
        }
    }

    /// <summary>Puts a slot into the initial state, outside any journal.</summary>
    public void SeedSlot(in Address address, in UInt256 key, in UInt256 value)
    {
        _storage[(address, key)] = value;
        _initialSlots[(address, key)] = new InitialSlot(value, IsNew: value.Equals(UInt256.Zero));
    }

    public Account? GetAccount(in Address address) => Find(address);

    /// <summary>An empty account: a spare one from an earlier block when there is one.</summary>
    private Account NewAccount()
    {
        if (_spareAccounts.TryPop(out var account))
        {
            account.Load(default);
            return account;
        }
        // Room to take every account back at Reset, made now: the next block's Reset then never grows the stack.
        _accountsMade++;
        _spareAccounts.EnsureCapacity(_accountsMade);
        return new Account();
    }

    /// <summary>The non-zero slots seen so far, grouped by account (for commitments and comparisons).</summary>
    public Dictionary<Address, Dictionary<UInt256, UInt256>> StorageByAccount()
    {
        var result = new Dictionary<Address, Dictionary<UInt256, UInt256>>();
        foreach (var ((address, key), value) in _storage)
        {
            if (!value.Equals(UInt256.Zero))
            {
                if (!result.TryGetValue(address, out var slots))
                {
                    result[address] = slots = [];
                }
                slots[key] = value;
            }
        }
        return result;
    }

    public bool Exists(in Address address) => Find(address) is not null;

    /// <summary>
    /// The account, loaded from the state source the first time the block asks for it. Seeded state
    /// and accounts created in the block are found directly.
    /// </summary>
    private Account? Find(in Address address)
    {
        if (_accounts.TryGetValue(address, out var account))
        {
            return account;
        }
        if (_source is null || _initialAccounts.ContainsKey(address))
        {
            return null;
        }
        var snapshot = _source.ReadAccount(address);
        _initialAccounts[address] = snapshot;
        if (snapshot is not { } loaded)
        {
            return null;
        }
        account = NewAccount();
        account.Load(loaded);
        _accounts[address] = account;
        return account;
    }

    /// <summary>The slot's value now, loaded from the state source the first time the block asks for it.</summary>
    public UInt256 CurrentSlot(in Address address, in UInt256 key)
    {
        if (_storage.TryGetValue((address, key), out var value))
        {
            return value;
        }
        if (_source is null)
        {
            return UInt256.Zero;
        }
        value = _source.ReadSlot(address, key, out var isNew);
        _storage[(address, key)] = value;
        _initialSlots[(address, key)] = new InitialSlot(value, isNew);
        return value;
    }

    /// <summary>Whether the state has never held the slot (read after <see cref="CurrentSlot"/>).</summary>
    private bool IsNewSlot(in Address address, in UInt256 key) =>
        _initialSlots.TryGetValue((address, key), out var initial) ? initial.IsNew : true;
}
