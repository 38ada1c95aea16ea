// SPDX-License-Identifier: MIT
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.ZkSync.Storage;

/// <summary>
/// A state store in one SQLite file: leaves, preimages, recent block hashes and the head, with one
/// transaction per block. The schema is created on first open; a file that is not a state store,
/// is damaged, or is held by another process fails with a <see cref="StateStoreException"/> naming it.
/// </summary>
/// <remarks>
/// <para>The connection runs in exclusive locking mode, so a store has one owner: a second opener
/// (another process or connection) is refused instead of racing the chain. With exclusive locking the
/// write-ahead log needs no shared-memory file and is folded back on close, so at rest the state is
/// the one database file; WAL makes a block commit a single sync.</para>
/// <para>Leaf indices and block numbers are stored in SQLite's signed 64-bit integers, which covers
/// every value below 2^63.</para>
/// </remarks>
public sealed class SqliteStateStore : IStateStore
{
    /// <summary>PRAGMA application_id of a state store file ("ZkOS"), so a foreign database is recognised.</summary>
    public const int ApplicationId = 0x5A6B4F53;

    /// <summary>PRAGMA user_version of the schema this build writes and reads.</summary>
    public const int SchemaVersion = 1;

    private static readonly TimeSpan _defaultBusyTimeout = TimeSpan.FromSeconds(5);

    private readonly SqliteConnection _connection;
    private SqliteCommand? _preimageQuery;
    private bool _disposed;

    /// <summary>Opens (creating if needed) the state store at <paramref name="path"/>.</summary>
    /// <param name="busyTimeout">How long to wait for another holder of the file before giving up (default 5 s).</param>
    /// <exception cref="StateStoreException">The file is not a state store, is damaged, or is locked.</exception>
    public SqliteStateStore(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Location = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // A pooled connection would stay open, keeping the file locked after Dispose.
            Pooling = false,
            // Also bounds the driver's retries on SQLITE_BUSY; 0 would mean "wait forever".
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling((busyTimeout ?? _defaultBusyTimeout).TotalSeconds)),
        };
        _connection = new SqliteConnection(builder.ToString());
        try
        {
            _connection.Open();
            Initialize();
            Head = ReadHead();
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw Translate(e, "cannot be opened");
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public string Location { get; }

    public ChainHead? Head { get; private set; }

    /// <summary>
    /// Test hook: called inside a commit's transaction after each step ("leaves", "preimages", "head")
    /// with the step's name; throwing from it simulates a failure half-way through a block.
    /// </summary>
    internal Action<string>? FaultInjector { get; set; }

    public IEnumerable<IndexedLeaf> LoadLeaves()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT idx, key, value, next FROM leaves ORDER BY idx";
        using var reader = Execute(command, "cannot read its leaves");
        while (true)
        {
            IndexedLeaf leaf;
            try
            {
                if (!reader.Read())
                    break;
                leaf = new IndexedLeaf(
                    (ulong)reader.GetInt64(0),
                    new FlatStorageLeaf(ReadBytes32(reader, 1, "leaf key"), ReadBytes32(reader, 2, "leaf value"), (ulong)reader.GetInt64(3)));
            }
            catch (SqliteException e)
            {
                throw Translate(e, "cannot read its leaves");
            }
            // Outside the try: C# does not allow yielding inside a try with a catch.
            yield return leaf;
        }
    }

    public IEnumerable<Preimage> LoadPreimages()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT hash, kind, bytes FROM preimages";
        using var reader = Execute(command, "cannot read its preimages");
        while (true)
        {
            Preimage preimage;
            try
            {
                if (!reader.Read())
                    break;
                preimage = ReadPreimage(reader, ReadBytes32(reader, 0, "preimage hash"), 1);
            }
            catch (SqliteException e)
            {
                throw Translate(e, "cannot read its preimages");
            }
            yield return preimage;
        }
    }

    public bool TryGetPreimage(in Bytes32 hash, out Preimage preimage)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            // Prepared once: the oracle asks for account and bytecode preimages throughout a block.
            if (_preimageQuery is null)
            {
                _preimageQuery = _connection.CreateCommand();
                _preimageQuery.CommandText = "SELECT kind, bytes FROM preimages WHERE hash = $hash";
                _preimageQuery.Parameters.Add("$hash", SqliteType.Blob);
                _preimageQuery.Prepare();
            }
            _preimageQuery.Parameters[0].Value = hash.ToArray();
            using var reader = _preimageQuery.ExecuteReader();
            if (!reader.Read())
            {
                preimage = default;
                return false;
            }
            preimage = ReadPreimage(reader, hash, 0);
            return true;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "cannot read a preimage");
        }
    }

    public void Commit(BlockCommit commit)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BlockCommitRules.Validate(commit, Head);
        var head = ChainHead.After(Head, commit);
        try
        {
            // Disposing the transaction without Commit rolls it back, whatever threw.
            using var transaction = _connection.BeginTransaction();
            WriteLeaves(transaction, commit.Leaves);
            FaultInjector?.Invoke("leaves");
            WritePreimages(transaction, commit.Preimages);
            FaultInjector?.Invoke("preimages");
            WriteHead(transaction, commit);
            FaultInjector?.Invoke("head");
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw Translate(e, $"could not commit block {commit.BlockNumber}");
        }
        Head = head;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _preimageQuery?.Dispose();
        _connection.Dispose();
    }

    private void Initialize()
    {
        // Exclusive locking must be set before the first access for WAL to skip the shared-memory file.
        ExecuteNonQuery("PRAGMA locking_mode = EXCLUSIVE");
        ExecuteNonQuery("PRAGMA journal_mode = WAL");
        // Take the write lock now, so a second owner is refused at open rather than at its first commit.
        ExecuteNonQuery("BEGIN IMMEDIATE; COMMIT");

        long applicationId = ExecuteScalar("PRAGMA application_id");
        long version = ExecuteScalar("PRAGMA user_version");
        long objects = ExecuteScalar("SELECT count(*) FROM sqlite_master");
        if (applicationId == 0 && objects == 0)
        {
            using var transaction = _connection.BeginTransaction();
            ExecuteNonQuery(
                $"""
                CREATE TABLE leaves (idx INTEGER PRIMARY KEY, key BLOB NOT NULL, value BLOB NOT NULL, next INTEGER NOT NULL);
                CREATE TABLE preimages (hash BLOB PRIMARY KEY, kind INTEGER NOT NULL, bytes BLOB NOT NULL) WITHOUT ROWID;
                CREATE TABLE block_hashes (number INTEGER PRIMARY KEY, hash BLOB NOT NULL);
                CREATE TABLE head (id INTEGER PRIMARY KEY CHECK (id = 0), block_number INTEGER NOT NULL, root BLOB NOT NULL, next_free_slot INTEGER NOT NULL);
                PRAGMA application_id = {ApplicationId};
                PRAGMA user_version = {SchemaVersion};
                """,
                transaction);
            transaction.Commit();
            return;
        }
        if (applicationId != ApplicationId)
            throw new StateStoreException(Location, $"is a SQLite database of another kind (application_id 0x{applicationId:X8}), not a ZkOs state store");
        if (version != SchemaVersion)
            throw new StateStoreException(Location, $"has schema version {version}, but this build reads version {SchemaVersion}");
    }

    private ChainHead? ReadHead()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT block_number, root, next_free_slot FROM head WHERE id = 0";
        ulong number;
        FlatStorageCommitment commitment;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
                return null;
            number = (ulong)reader.GetInt64(0);
            commitment = new FlatStorageCommitment(ReadBytes32(reader, 1, "root"), (ulong)reader.GetInt64(2));
        }

        command.CommandText = $"SELECT number, hash FROM block_hashes ORDER BY number DESC LIMIT {ChainHead.MaxRecentBlockHashes}";
        var hashes = ImmutableArray.CreateBuilder<Bytes32>(ChainHead.MaxRecentBlockHashes);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                // Hashes are kept for consecutive blocks ending at the head; anything else is damage.
                ulong expected = number - (ulong)hashes.Count;
                if ((ulong)reader.GetInt64(0) != expected)
                    throw new StateStoreException(Location, $"is corrupt: the hash of block {expected} is missing");
                hashes.Add(ReadBytes32(reader, 1, "block hash"));
            }
        }
        if (hashes.Count == 0)
            throw new StateStoreException(Location, $"is corrupt: the hash of head block {number} is missing");
        return new ChainHead(number, commitment, hashes.DrainToImmutable());
    }

    private void WriteLeaves(SqliteTransaction transaction, IReadOnlyList<IndexedLeaf> leaves)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO leaves (idx, key, value, next) VALUES ($idx, $key, $value, $next)
            ON CONFLICT (idx) DO UPDATE SET key = excluded.key, value = excluded.value, next = excluded.next
            """;
        var index = command.Parameters.Add("$idx", SqliteType.Integer);
        var key = command.Parameters.Add("$key", SqliteType.Blob);
        var value = command.Parameters.Add("$value", SqliteType.Blob);
        var next = command.Parameters.Add("$next", SqliteType.Integer);
        command.Prepare();
        foreach (var (leafIndex, leaf) in leaves)
        {
            index.Value = unchecked((long)leafIndex);
            key.Value = leaf.Key.ToArray();
            value.Value = leaf.Value.ToArray();
            next.Value = unchecked((long)leaf.Next);
            command.ExecuteNonQuery();
        }
    }

    private void WritePreimages(SqliteTransaction transaction, IReadOnlyList<Preimage> preimages)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        // Same hash, same bytes (commits are validated), so a republished preimage is simply kept.
        command.CommandText = "INSERT INTO preimages (hash, kind, bytes) VALUES ($hash, $kind, $bytes) ON CONFLICT (hash) DO NOTHING";
        var hash = command.Parameters.Add("$hash", SqliteType.Blob);
        var kind = command.Parameters.Add("$kind", SqliteType.Integer);
        var bytes = command.Parameters.Add("$bytes", SqliteType.Blob);
        command.Prepare();
        foreach (var preimage in preimages)
        {
            hash.Value = preimage.Hash.ToArray();
            kind.Value = (long)preimage.Kind;
            bytes.Value = preimage.Bytes;
            command.ExecuteNonQuery();
        }
    }

    private void WriteHead(SqliteTransaction transaction, BlockCommit commit)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            INSERT INTO block_hashes (number, hash) VALUES ($number, $hash)
            ON CONFLICT (number) DO UPDATE SET hash = excluded.hash;
            DELETE FROM block_hashes WHERE number < $oldest;
            INSERT INTO head (id, block_number, root, next_free_slot) VALUES (0, $number, $root, $next_free_slot)
            ON CONFLICT (id) DO UPDATE SET block_number = excluded.block_number, root = excluded.root, next_free_slot = excluded.next_free_slot;
            """;
        ulong oldest = commit.BlockNumber >= ChainHead.MaxRecentBlockHashes ? commit.BlockNumber - (ChainHead.MaxRecentBlockHashes - 1) : 0;
        command.Parameters.AddWithValue("$number", unchecked((long)commit.BlockNumber));
        command.Parameters.AddWithValue("$hash", commit.BlockHash.ToArray());
        command.Parameters.AddWithValue("$oldest", unchecked((long)oldest));
        command.Parameters.AddWithValue("$root", commit.Commitment.Root.ToArray());
        command.Parameters.AddWithValue("$next_free_slot", unchecked((long)commit.Commitment.NextFreeSlot));
        command.ExecuteNonQuery();
    }

    private Preimage ReadPreimage(SqliteDataReader reader, Bytes32 hash, int kindOrdinal)
    {
        long storedKind = reader.GetInt64(kindOrdinal);
        // Range-checked before the cast: a byte cast would wrap 257 into a valid kind.
        if (storedKind is < byte.MinValue or > byte.MaxValue || !Enum.IsDefined((PreimageKind)storedKind))
            throw new StateStoreException(Location, $"is corrupt: preimage {hash} has the unknown kind {storedKind}");
        var preimage = new Preimage(hash, (PreimageKind)storedKind, reader.GetFieldValue<byte[]>(kindOrdinal + 1));
        if (!preimage.IsConsistent)
            throw new StateStoreException(Location, $"is corrupt: the bytes stored for preimage {hash} do not hash to it");
        return preimage;
    }

    private Bytes32 ReadBytes32(SqliteDataReader reader, int ordinal, string what)
    {
        var bytes = reader.GetFieldValue<byte[]>(ordinal);
        if (bytes.Length != Bytes32.Size)
            throw new StateStoreException(Location, $"is corrupt: a {what} holds {bytes.Length} bytes instead of {Bytes32.Size}");
        return new Bytes32(bytes);
    }

    private SqliteDataReader Execute(SqliteCommand command, string action)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (SqliteException e)
        {
            throw Translate(e, action);
        }
    }

    private void ExecuteNonQuery(string sql, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long ExecuteScalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Turns SQLite's result code into a message about the file, keeping SQLite's own words.</summary>
    private StateStoreException Translate(SqliteException exception, string action)
    {
        // Primary result codes (the low byte of an extended code), from sqlite3.h.
        string reason = (exception.SqliteErrorCode & 0xFF) switch
        {
            5 or 6 => "is locked by another process or connection",
            8 => "is read-only",
            10 => "could not be read or written (I/O error)",
            11 => "is corrupt",
            13 => "cannot grow: the disk is full",
            14 => "cannot be opened (missing directory or no permission)",
            26 => "is not a SQLite database (the file is damaged or of another kind)",
            _ => action,
        };
        return new StateStoreException(Location, $"{reason} ({exception.Message})", exception);
    }
}
