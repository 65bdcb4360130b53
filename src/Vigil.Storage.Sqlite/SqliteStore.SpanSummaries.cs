using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>Per-service span summaries for the dashboard's overview (<see cref="ISpanCountReader.SummarizeSpansAsync"/>).</summary>
internal sealed partial class SqliteStore
{
    public Task<IReadOnlyList<ServiceSpanSummary>> SummarizeSpansAsync(SpanSummaryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.To < query.From)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(query));
        }

        return ReadAsync<IReadOnlyList<ServiceSpanSummary>>(connection => SummarizeSpans(connection, query), cancellationToken);
    }

    private static List<ServiceSpanSummary> SummarizeSpans(SqliteConnection connection, SpanSummaryQuery query)
    {
        var sql = new SqlBuilder();
        sql.Add("start_time >= {0}", UnixTime.ToNanoseconds(query.From));
        sql.Add("start_time < {0}", UnixTime.ToNanoseconds(query.To));
        sql.Add("kind = {0}", (int)query.Kind);
        var error = sql.AddParameter((int)SpanStatusCode.Error);

        // One pass over the range (ix_spans_start, as CountSpansAsync): each service's spans numbered by duration,
        // and the row at the nearest rank of 95 (ServiceSpanSummary.NearestRank, in whole numbers) kept with the
        // service's counts. Exact, whatever the range holds; the sort is SQLite's, not a list in memory here.
        using var command = sql.CreateCommand(
            connection,
            "SELECT service, total, errors, duration FROM (" +
            "SELECT coalesce(service_name, '') AS service, end_time - start_time AS duration, " +
            "row_number() OVER (PARTITION BY coalesce(service_name, '') ORDER BY end_time - start_time) AS position, " +
            "count(*) OVER (PARTITION BY coalesce(service_name, '')) AS total, " +
            $"sum(CASE WHEN status_code = {error} THEN 1 ELSE 0 END) OVER (PARTITION BY coalesce(service_name, '')) AS errors " +
            $"FROM spans INDEXED BY ix_spans_start{sql.Where}) WHERE position = max(1, (95 * total + 99) / 100)");
        using var reader = command.ExecuteReader();
        var summaries = new List<ServiceSpanSummary>();
        while (reader.Read())
        {
            summaries.Add(new ServiceSpanSummary
            {
                ServiceName = reader.GetString(0),
                Total = reader.GetInt64(1),
                Errors = reader.GetInt64(2),
                P95 = UnixTime.DurationFromNanoseconds(reader.GetInt64(3)),
            });
        }

        summaries.Sort((a, b) => string.CompareOrdinal(a.ServiceName, b.ServiceName));
        return summaries;
    }
}
