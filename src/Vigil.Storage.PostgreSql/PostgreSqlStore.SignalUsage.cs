using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// What each signal holds (<see cref="IStoreUsageReader.ReadSignalUsageAsync"/>): the total relation size of its table
/// and every partition (<c>pg_partition_tree</c>, indexes and TOAST included) and its rows, counted.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    // Each signal's table and time column, in SignalUsage.Signals' order; our own constants, never user input.
    private static readonly (string Table, string TimeColumn)[] s_usageTables =
    [
        ("logs", "time"),
        ("spans", "start_time"),
        ("metric_points", "time"),
        ("error_events", "time"),
        ("health_results", "time"),
    ];

    public Task<IReadOnlyList<SignalUsage>> ReadSignalUsageAsync(DateTimeOffset since, CancellationToken cancellationToken = default) => ReadTriageAsync<IReadOnlyList<SignalUsage>>(
        async (connection, token) =>
        {
            var usage = new List<SignalUsage>(s_usageTables.Length);
            for (var i = 0; i < s_usageTables.Length; i++)
            {
                var (table, time) = s_usageTables[i];
                await using var command = PostgreSqlCommands.Create(
                    connection,
                    null,
                    $"SELECT count(*), count(*) FILTER (WHERE {time} >= $1), (SELECT coalesce(sum(pg_total_relation_size(relid)), 0)::bigint FROM pg_partition_tree('{table}')) FROM {table}",
                    UnixTime.ToNanoseconds(since));
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                await reader.ReadAsync(token).ConfigureAwait(false);
                usage.Add(new SignalUsage { Signal = SignalUsage.Signals[i], Records = reader.GetInt64(0), RecordsSince = reader.GetInt64(1), Bytes = reader.GetInt64(2) });
            }

            return usage;
        },
        cancellationToken);
}
