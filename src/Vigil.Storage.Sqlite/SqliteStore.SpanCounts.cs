using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>Span counts for SLOs over spans (<see cref="ISpanCountReader"/>).</summary>
internal sealed partial class SqliteStore : ISpanCountReader
{
    public Task<SpanCounts> CountSpansAsync(SpanCountQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.ServiceName, nameof(query));
        if (query.To < query.From)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(query));
        }

        if (query.SlowerThan is { } slower && slower < TimeSpan.Zero)
        {
            throw new ArgumentException("The slowness threshold is negative.", nameof(query));
        }

        return ReadAsync(connection => CountSpans(connection, query), cancellationToken);
    }

    private static SpanCounts CountSpans(SqliteConnection connection, SpanCountQuery query)
    {
        using var command = SpanCountCommand(connection, query);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new SpanCounts
        {
            Total = reader.GetInt64(0),
            Errors = reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
            Slower = reader.IsDBNull(2) ? 0 : reader.GetInt64(2),
        };
    }

    /// <summary>
    /// The counting statement (tests read its plan). It walks the range through ix_spans_start and filters service
    /// and kind on the rows: no new index, because every index is one more B-tree insert per span on the write path
    /// (migration 010 dropped ix_spans_service_start for that reason). An SLO evaluates a few windows a minute; the
    /// longest (30 days) reads every span of the range once, which docs/slo.md notes.
    /// </summary>
    internal static SqliteCommand SpanCountCommand(SqliteConnection connection, SpanCountQuery query)
    {
        var sql = new SqlBuilder();
        sql.Add("start_time >= {0}", UnixTime.ToNanoseconds(query.From));
        sql.Add("start_time < {0}", UnixTime.ToNanoseconds(query.To));
        sql.Add("service_name = {0}", query.ServiceName);
        sql.Add("kind = {0}", (int)query.Kind);
        var error = sql.AddParameter((int)SpanStatusCode.Error);

        // With no threshold every span is "not slower": the comparison with the largest value is never true.
        var slower = sql.AddParameter(query.SlowerThan is { } threshold ? UnixTime.ToNanoseconds(threshold) : long.MaxValue);
        return sql.CreateCommand(
            connection,
            $"SELECT count(*), sum(status_code = {error}), sum(end_time - start_time > {slower}) FROM spans INDEXED BY ix_spans_start{sql.Where}");
    }
}
