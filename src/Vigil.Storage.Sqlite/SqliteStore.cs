using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// The SQLite engine behind <see cref="ITelemetryStore"/>. One long-lived connection writes, under
/// a lock, with prepared commands; every read opens a pooled connection of its own, and WAL mode
/// lets those readers run while a writer (in this or another process) commits.
/// </summary>
internal sealed partial class SqliteStore : ITelemetryStore, IStoreUsageReader
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly TimeSpan _queryTimeout;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ErrorTrackingOptions _errorTracking;
    private readonly TimeProvider _clock;

    // Resources and scopes never change once stored, so their read-side objects are cached by id.
    private readonly ConcurrentDictionary<long, TelemetryResource> _resources = new();
    private readonly ConcurrentDictionary<long, InstrumentationScopeInfo> _scopes = new();

    private SqliteBatchWriter? _writer;
    private bool _disposed;

    private SqliteStore(string location, string connectionString, TelemetryStoreOptions options)
    {
        Location = location;
        _errorTracking = options.ErrorTracking;
        _clock = options.Clock;
        _connectionString = connectionString;
        _busyTimeoutMilliseconds = (int)Math.Clamp(options.BusyTimeout.TotalMilliseconds, 0, int.MaxValue);
        _queryTimeout = options.QueryTimeout;
    }

    /// <summary>Called from inside every running read, every few thousand SQLite steps (tests cancel a read mid-statement with it).</summary>
    internal Action? OnQueryProgress { get; set; }

    public string Location { get; }

    public static SqliteStore Open(string path, TelemetryStoreOptions options) => Open(path, options, null);

    /// <summary>Opens the store, migrating to <paramref name="schemaVersion"/> (tests build old files with it).</summary>
    internal static SqliteStore Open(string path, TelemetryStoreOptions options, int? schemaVersion)
    {
        StoreFileState file;
        try
        {
            // Looked at read-only before anything is written: another program's database stays as it was.
            file = StoreFileInspector.Inspect(path);
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(path, exception);
        }

        return options.ReadOnly ? OpenReader(path, options, file) : OpenWriter(path, options, file, schemaVersion);
    }

    /// <summary>A reader changes nothing: it opens only a Vigil store at this version's schema, read-only.</summary>
    private static SqliteStore OpenReader(string path, TelemetryStoreOptions options, StoreFileState file)
    {
        switch (file.Kind)
        {
            case StoreFileKind.Missing:
                throw NotFound(path);
            case StoreFileKind.Empty:
                throw new StoreNotFoundException(path, $"The store '{path}' is an empty file: nothing has been written to it yet, so it is not a Vigil store.", null);
            case StoreFileKind.Foreign:
                throw NotVigil(path, file);
        }

        SchemaMigrator.ThrowIfNewer(file.Version, path);
        if (file.Version < SchemaMigrator.LatestVersion)
        {
            throw new StoreVersionException(
                path,
                $"The store '{path}' has schema version {file.Version}, older than this Vigil reads ({SchemaMigrator.LatestVersion}); reading never changes a store. " +
                $"Upgrade it once with a writer of this version: run `vigil serve --store {path}` and stop it with Ctrl+C, or run the application with this version of Vigil.",
                null);
        }

        var store = Create(path, options, SqliteOpenMode.ReadOnly);
        try
        {
            using var connection = store.OpenConnection();
            return store;
        }
        catch (SqliteException exception)
        {
            store.ClearPool();
            throw SqliteErrors.Translate(path, exception);
        }
    }

    /// <summary>A writer creates a missing or empty file and upgrades a Vigil store; it never touches another program's database.</summary>
    private static SqliteStore OpenWriter(string path, TelemetryStoreOptions options, StoreFileState file, int? schemaVersion)
    {
        var exists = file.Kind != StoreFileKind.Missing;
        if (!exists && !options.CreateIfMissing)
        {
            throw NotFound(path);
        }

        if (file.Kind == StoreFileKind.Foreign)
        {
            throw NotVigil(path, file);
        }

        if (exists && IsMarkedReadOnly(path))
        {
            throw new StoreReadOnlyException(path, $"The store '{path}' is read-only; Vigil needs write access to it.", null);
        }

        if (!exists)
        {
            CreateDirectory(path);
        }

        var store = Create(path, options, options.CreateIfMissing ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite);
        try
        {
            using var connection = store.OpenConnection();
            using (var wal = connection.CreateCommand())
            {
                // WAL: readers see a snapshot and never block the writer, and the writer never blocks them.
                // The mode is stored in the file, so every process that opens it gets WAL too.
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                var mode = Convert.ToString(wal.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new StoreException(path, $"The store '{path}' could not switch to WAL mode (it reports '{mode}').", null);
                }
            }

            SchemaMigrator.Migrate(connection, path, schemaVersion);
            return store;
        }
        catch (SqliteException exception)
        {
            store.ClearPool();
            throw SqliteErrors.Translate(path, exception);
        }
    }

    private static SqliteStore Create(string path, TelemetryStoreOptions options, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy statement until this many seconds have passed.
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        return new SqliteStore(path, builder.ToString(), options);
    }

    private static StoreNotFoundException NotFound(string path) =>
        new(path, $"The store '{path}' does not exist: no application with Vigil's local store, and no `vigil serve`, has written there yet.", null);

    private static StoreCorruptException NotVigil(string path, StoreFileState file) =>
        new(path, $"'{path}' is a SQLite database but not a Vigil store ({file.Reason}); Vigil left it unchanged. Point --store at a Vigil store.", null);

    private void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            _writer?.Dispose();
            _writer = null;
        }
        finally
        {
            _writeLock.Release();
        }

        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _writeLock.Dispose();
    }

    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // busy_timeout: SQLite itself waits for another process's lock before reporting SQLITE_BUSY.
            // synchronous=NORMAL: in WAL mode a commit is not fsynced, only checkpoints are; a power
            // loss can drop the last commits but never corrupts the file, and writes are several
            // times faster. https://www.sqlite.org/pragma.html#pragma_synchronous
            command.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;");
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static bool IsMarkedReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly);
        }

        // Checked explicitly because root (CI containers) can write a file whatever its mode; a
        // file its owner marked read-only should still not be written.
        return !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserWrite);
    }

    private static void CreateDirectory(string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw new StoreReadOnlyException(path, $"The folder of the store '{path}' cannot be created: {exception.Message}", exception);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>
    /// Runs a read on a connection of its own, mapping SQLite failures to store exceptions. The read stops inside
    /// SQLite when <paramref name="cancellationToken"/> is cancelled or the query timeout passes (see <see cref="QueryGuard"/>).
    /// </summary>
    private Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var connection = OpenConnection();
            using var guard = QueryGuard.Install(connection, _queryTimeout, OnQueryProgress, cancellationToken);
            try
            {
                return Task.FromResult(read(connection));
            }
            catch (SqliteException exception) when (guard.Translate(exception, Location) is { } stopped)
            {
                throw stopped;
            }
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(Location, exception);
        }
    }
}
