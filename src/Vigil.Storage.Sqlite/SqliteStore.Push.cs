using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>vigil push: the store read in arrival order (the sending side) and the positions it holds (the receiving side).</summary>
internal sealed partial class SqliteStore : IPushSource, IPushTarget
{
    public Task<string> GetStoreIdentityAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT id FROM store_identity WHERE only = 1;";
                return command.ExecuteScalar() as string
                    ?? throw new StoreCorruptException(Location, $"The store '{Location}' has no identity row; it was not made by Vigil's migrations.", null);
            },
            cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> ReadPushPositionsAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReadAsync<IReadOnlyDictionary<string, long>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT stream, position FROM push_positions WHERE source = @source;";
                command.Parameters.AddWithValue("@source", source);
                using var reader = command.ExecuteReader();
                var result = new Dictionary<string, long>(StringComparer.Ordinal);
                while (reader.Read())
                {
                    result[reader.GetString(0)] = reader.GetInt64(1);
                }

                return result;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Sequenced<SpanEntry>>> ReadSpansAfterAsync(long after, int limit, string? serviceName, DateTimeOffset? from, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ReadAsync<IReadOnlyList<Sequenced<SpanEntry>>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText =
                    "SELECT trace_id, span_id, parent_span_id, trace_state, trace_flags, name, kind, start_time, end_time, " +
                    "status_code, status_message, attributes, events, links, resource_id, scope_id, id " +
                    "FROM spans WHERE id > @after AND (@service IS NULL OR service_name = @service) AND start_time >= @from " +
                    "ORDER BY id LIMIT @limit;";
                AddExportParameters(command, after, limit, serviceName, from);
                using var reader = command.ExecuteReader();
                var result = new List<Sequenced<SpanEntry>>();
                while (reader.Read())
                {
                    result.Add(new(reader.GetInt64(16), ReadSpan(connection, reader)));
                }

                return result;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Sequenced<MetricPoint>>> ReadMetricPointsAfterAsync(long after, int limit, string? serviceName, DateTimeOffset? from, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return ReadAsync<IReadOnlyList<Sequenced<MetricPoint>>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText =
                    "SELECT p.id, p.time, p.start_time, p.value, p.data, s.id, s.name, s.description, s.unit, s.kind, s.temporality, " +
                    "s.monotonic, s.attributes, s.resource_id, s.scope_id, p.exemplars " +
                    "FROM metric_points p JOIN metric_series s ON s.id = p.series_id " +
                    "WHERE p.id > @after AND (@service IS NULL OR s.service_name = @service) AND p.time >= @from ORDER BY p.id LIMIT @limit;";
                AddExportParameters(command, after, limit, serviceName, from);
                using var reader = command.ExecuteReader();

                // Points of one series share one series object, as a receiver maps them (one identity lookup per batch).
                var series = new Dictionary<long, MetricSeriesInfo>();
                var result = new List<Sequenced<MetricPoint>>();
                while (reader.Read())
                {
                    var seriesId = reader.GetInt64(5);
                    if (!series.TryGetValue(seriesId, out var info))
                    {
                        info = SeriesInfo(connection, seriesId, ReadSeriesRow(reader, reader.GetString(6), 7));
                        series[seriesId] = info;
                    }

                    var point = PointDataJson.Deserialize(
                        info,
                        reader.GetInt64(1),
                        reader.IsDBNull(2) ? null : reader.GetInt64(2),
                        reader.IsDBNull(3) ? null : reader.GetDouble(3),
                        GetNullableString(reader, 4)) with { Exemplars = ExemplarRows.Deserialize(GetNullableString(reader, 15)) };
                    result.Add(new(reader.GetInt64(0), point));
                }

                return result;
            },
            cancellationToken);
    }

    public Task<long> CountAfterAsync(PushSignal signal, long after, string? serviceName, CancellationToken cancellationToken = default) =>
        ReadAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = signal switch
                {
                    // A block's id is its last record's sequence: a block that straddles "after" counts whole.
                    PushSignal.Logs => "SELECT coalesce(sum(count), 0) FROM log_blocks WHERE id > @after AND (@service IS NULL OR service_name = @service);",
                    PushSignal.Spans => "SELECT count(*) FROM spans WHERE id > @after AND (@service IS NULL OR service_name = @service);",
                    _ => "SELECT count(*) FROM metric_points p JOIN metric_series s ON s.id = p.series_id " +
                         "WHERE p.id > @after AND (@service IS NULL OR s.service_name = @service);",
                };
                command.Parameters.AddWithValue("@after", after);
                command.Parameters.AddWithValue("@service", (object?)serviceName ?? DBNull.Value);
                return (long)command.ExecuteScalar()!;
            },
            cancellationToken);

    private static void AddExportParameters(SqliteCommand command, long after, int limit, string? serviceName, DateTimeOffset? from)
    {
        command.Parameters.AddWithValue("@after", after);
        command.Parameters.AddWithValue("@limit", limit);
        command.Parameters.AddWithValue("@service", (object?)serviceName ?? DBNull.Value);
        command.Parameters.AddWithValue("@from", from is { } f ? UnixTime.ToNanoseconds(f) : long.MinValue);
    }
}
