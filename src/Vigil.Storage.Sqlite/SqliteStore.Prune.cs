using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// What retention leaves behind once the records are gone: metric series with no point left, resources nothing refers
/// to, and the -wal file (a deleting pass writes every page it changes there first, so without a checkpoint the
/// file the size limit is meant to bound grows while retention runs).
/// </summary>
internal sealed partial class SqliteStore
{
    /// <summary>
    /// Deletes series with no points, then resources no span, series or log block can refer to. A log block's records
    /// all share its <c>service_name</c>, which is their resource's, so a resource whose service has no block left is
    /// referred to by no block: no block is opened to find out. The id caches (the writer's, and the read side's by
    /// id) are forgotten in the same lock, since a deleted id may be handed out again.
    /// </summary>
    private static (int Series, int Resources) PruneIdentities(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var series = connection.CreateCommand();
        series.Transaction = transaction;
        series.CommandText = "DELETE FROM metric_series WHERE NOT EXISTS (SELECT 1 FROM metric_points p WHERE p.series_id = metric_series.id);";
        var seriesDeleted = series.ExecuteNonQuery();

        using var resources = connection.CreateCommand();
        resources.Transaction = transaction;
        resources.CommandText =
            "DELETE FROM resources WHERE id NOT IN (SELECT resource_id FROM spans) AND id NOT IN (SELECT resource_id FROM metric_series) " +
            "AND NOT EXISTS (SELECT 1 FROM log_blocks b WHERE b.service_name IS resources.service_name);";
        return (seriesDeleted, resources.ExecuteNonQuery());
    }

    private async Task<(int Series, int Resources)> PruneIdentitiesAsync(CancellationToken cancellationToken)
    {
        var pruned = await WriteTransactionAsync(
            (connection, transaction) =>
            {
                var result = PruneIdentities(connection, transaction);
                if (result.Series + result.Resources > 0)
                {
                    _writer?.ForgetIdentities();
                    _resources.Clear();
                }

                return result;
            },
            cancellationToken).ConfigureAwait(false);
        return pruned;
    }

    /// <summary>
    /// Copies the -wal file back into the database and truncates it to zero bytes. A reader still using an old
    /// snapshot keeps the copy from finishing (SQLite answers busy); the next pass tries again.
    /// https://www.sqlite.org/pragma.html#pragma_wal_checkpoint
    /// </summary>
    internal static void CheckpointWal(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var reader = command.ExecuteReader();
        reader.Read();
    }

    /// <summary>The -wal file's length now; zero when there is none.</summary>
    internal long WalBytes()
    {
        var wal = new FileInfo(Location + "-wal");
        return wal.Exists ? wal.Length : 0;
    }

    /// <summary>What the size limit is measured against: the pages in use plus the -wal file, after a checkpoint.</summary>
    private async Task<(long Pages, long Wal)> MeasureAsync(CancellationToken cancellationToken)
    {
        await WriterConnectionAsync(CheckpointWal, cancellationToken).ConfigureAwait(false);
        var pages = await ReadAsync(UsedBytes, cancellationToken).ConfigureAwait(false);
        return (pages, WalBytes());
    }

    /// <summary>The bytes of the store's file on disk, free pages included (what the disk guard and `vigil status` read).</summary>
    internal long FileBytes()
    {
        var file = new FileInfo(Location);
        return file.Exists ? file.Length : 0;
    }
}
