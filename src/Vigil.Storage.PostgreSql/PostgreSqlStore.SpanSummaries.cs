using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Per-service span summaries for the dashboard's overview (<see cref="ISpanCountReader.SummarizeSpansAsync"/>):
/// the SQLite engine's statement (window functions, the nearest rank in whole numbers), with partition pruning on
/// start_time so only the range's days are read.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    public Task<IReadOnlyList<ServiceSpanSummary>> SummarizeSpansAsync(SpanSummaryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.To < query.From)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(query));
        }

        return ReadTriageAsync<IReadOnlyList<ServiceSpanSummary>>(
            async (connection, token) =>
            {
                await using var command = PostgreSqlCommands.Create(
                    connection,
                    null,
                    "SELECT service, total, errors, duration FROM (" +
                    "SELECT coalesce(service, '') AS service, end_time - start_time AS duration, " +
                    "row_number() OVER (PARTITION BY coalesce(service, '') ORDER BY end_time - start_time) AS position, " +
                    "count(*) OVER (PARTITION BY coalesce(service, '')) AS total, " +
                    "sum(CASE WHEN status = $4 THEN 1 ELSE 0 END) OVER (PARTITION BY coalesce(service, '')) AS errors " +
                    "FROM spans WHERE start_time >= $1 AND start_time < $2 AND kind = $3) ranked " +
                    "WHERE position = greatest(1, (95 * total + 99) / 100)",
                    UnixTime.ToNanoseconds(query.From),
                    UnixTime.ToNanoseconds(query.To),
                    (int)query.Kind,
                    (int)SpanStatusCode.Error);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var summaries = new List<ServiceSpanSummary>();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    summaries.Add(new ServiceSpanSummary
                    {
                        ServiceName = reader.GetString(0),
                        Total = reader.GetInt64(1),
                        Errors = Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                        P95 = UnixTime.DurationFromNanoseconds(reader.GetInt64(3)),
                    });
                }

                // Ordinal, as the SQLite engine: the database's collation would order names by its own rules.
                summaries.Sort((a, b) => string.CompareOrdinal(a.ServiceName, b.ServiceName));
                return summaries;
            },
            cancellationToken);
    }
}
