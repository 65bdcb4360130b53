using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// What each signal holds (<see cref="IStoreUsageReader.ReadSignalUsageAsync"/>). This SQLite has no dbstat table, so
/// a signal's bytes are the stored lengths of its rows' values: for log records their compressed blocks, for the other
/// tables every column's length, summed; one scan of each table.
/// </summary>
internal sealed partial class SqliteStore
{
    // Each signal's table and time column, in SignalUsage.Signals' order; our own constants, never user input.
    private static readonly (string Table, string TimeColumn)[] s_usageTables =
    [
        ("spans", "start_time"),
        ("metric_points", "time"),
        ("error_events", "time"),
        ("health_results", "time"),
    ];

    public Task<IReadOnlyList<SignalUsage>> ReadSignalUsageAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var cutoff = UnixTime.ToNanoseconds(since);
        return ReadAsync<IReadOnlyList<SignalUsage>>(
            connection =>
            {
                var usage = new List<SignalUsage>(SignalUsage.Signals.Count)
                {
                    Read(connection, "logs", "SELECT coalesce(sum(count), 0), coalesce(sum(CASE WHEN max_time >= @since THEN count END), 0), coalesce(sum(length(data)), 0) FROM log_blocks;", cutoff),
                };
                for (var i = 0; i < s_usageTables.Length; i++)
                {
                    var (table, time) = s_usageTables[i];
                    var lengths = string.Join(" + ", Columns(connection, table).Select(c => $"coalesce(length(\"{c}\"), 0)"));
                    usage.Add(Read(connection, SignalUsage.Signals[i + 1], $"SELECT count(*), coalesce(sum(CASE WHEN {time} >= @since THEN 1 END), 0), coalesce(sum({lengths}), 0) FROM {table};", cutoff));
                }

                return usage;
            },
            cancellationToken);
    }

    private static SignalUsage Read(SqliteConnection connection, string signal, string sql, long since)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@since", since);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new SignalUsage { Signal = signal, Records = reader.GetInt64(0), RecordsSince = reader.GetInt64(1), Bytes = reader.GetInt64(2) };
    }

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info(@table);";
        command.Parameters.AddWithValue("@table", table);
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
