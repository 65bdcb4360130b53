using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// What the store takes on disk (<see cref="IStoreUsageReader"/>): the files' lengths and page counts, never a scan of
/// the data. Until a checkpoint, pages written to the -wal file are in the page count but not yet in the database file.
/// </summary>
internal sealed partial class SqliteStore
{
    public async Task<StoreSpace> ReadSpaceAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var (pages, free) = await ReadAsync(PageBytes, cancellationToken).ConfigureAwait(false);
        var wal = WalBytes();
        return new StoreSpace { FileBytes = FileBytes() + wal, UsedBytes = pages - free + wal, ReusableBytes = free, WalBytes = wal };
    }

    /// <summary>All pages and free pages, in bytes. https://www.sqlite.org/pragma.html#pragma_freelist_count</summary>
    private static (long Pages, long Free) PageBytes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT page_count * page_size, freelist_count * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size();";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
