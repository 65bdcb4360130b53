using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Span counts for SLOs over spans (<see cref="ISpanCountReader"/>): one aggregate over ix_spans_service_start, with
/// partition pruning on start_time, so only the range's days are read.
/// </summary>
internal sealed partial class PostgreSqlStore
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

        return ReadTriageAsync(
            async (connection, token) =>
            {
                // With no threshold every span is "not slower": the comparison with the largest value is never true.
                await using var command = PostgreSqlCommands.Create(
                    connection,
                    null,
                    "SELECT count(*), count(*) FILTER (WHERE status = $5), count(*) FILTER (WHERE end_time - start_time > $6) " +
                    "FROM spans WHERE service = $1 AND start_time >= $2 AND start_time < $3 AND kind = $4",
                    query.ServiceName,
                    UnixTime.ToNanoseconds(query.From),
                    UnixTime.ToNanoseconds(query.To),
                    (int)query.Kind,
                    (int)SpanStatusCode.Error,
                    query.SlowerThan is { } threshold ? UnixTime.ToNanoseconds(threshold) : long.MaxValue);
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                await reader.ReadAsync(token).ConfigureAwait(false);
                return new SpanCounts { Total = reader.GetInt64(0), Errors = reader.GetInt64(1), Slower = reader.GetInt64(2) };
            },
            cancellationToken);
    }
}
