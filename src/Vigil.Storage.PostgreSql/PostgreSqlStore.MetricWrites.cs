using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Metric points: each batch's series found or made by the hash of their identity, then the points copied in.</summary>
internal sealed partial class PostgreSqlStore
{
    // The description is not identity; a series that comes with one keeps the newest.
    private const string UpsertSeriesSql =
        "INSERT INTO metric_series (hash, name, service, kind, unit, description, info) VALUES (@hash, @name, @service, @kind, @unit, @description, @info) " +
        "ON CONFLICT (hash) DO UPDATE SET description = COALESCE(EXCLUDED.description, metric_series.description) RETURNING id";

    private static readonly MetricSeriesInfo s_noSeries = new();

    private static async Task<Dictionary<MetricSeriesInfo, long>> ResolveSeriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken)
    {
        var byHash = new SortedDictionary<string, (string Info, MetricSeriesInfo Series)>(StringComparer.Ordinal);
        var hashes = new Dictionary<MetricSeriesInfo, string>(ReferenceEqualityComparer.Instance);
        foreach (var point in points)
        {
            if (hashes.ContainsKey(point.Series))
            {
                continue;
            }

            var info = RecordJson.Write(point.Series with { Description = null });
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(info)));
            hashes[point.Series] = hash;
            // The batch's last description wins, as when each point upserted its series in turn.
            byHash[hash] = (info, byHash.TryGetValue(hash, out var known) && point.Series.Description is null ? known.Series : point.Series);
        }

        // In hash order, so two writers making the same series lock them in the same order and never deadlock.
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(UpsertSeriesSql, connection, transaction);
        var hashParameter = command.Parameters.Add("hash", NpgsqlDbType.Text);
        var name = command.Parameters.Add("name", NpgsqlDbType.Text);
        var service = command.Parameters.Add("service", NpgsqlDbType.Text);
        var kind = command.Parameters.Add("kind", NpgsqlDbType.Integer);
        var unit = command.Parameters.Add("unit", NpgsqlDbType.Text);
        var description = command.Parameters.Add("description", NpgsqlDbType.Text);
        var infoParameter = command.Parameters.Add("info", NpgsqlDbType.Text);
        foreach (var (hash, (info, series)) in byHash)
        {
            hashParameter.Value = hash;
            name.Value = PostgreSqlText.Clean(series.Name);
            service.Value = (object?)PostgreSqlText.CleanOrNull(series.Resource.ServiceName) ?? DBNull.Value;
            kind.Value = (int)series.Kind;
            unit.Value = (object?)PostgreSqlText.CleanOrNull(series.Unit) ?? DBNull.Value;
            description.Value = (object?)PostgreSqlText.CleanOrNull(series.Description) ?? DBNull.Value;
            infoParameter.Value = info;
            ids[hash] = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var result = new Dictionary<MetricSeriesInfo, long>(ReferenceEqualityComparer.Instance);
        foreach (var (series, hash) in hashes)
        {
            result[series] = ids[hash];
        }

        return result;
    }

    private static async Task CopyPointsAsync(
        NpgsqlConnection connection, IReadOnlyList<MetricPoint> points, Dictionary<MetricSeriesInfo, long> seriesIds, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY metric_points (series_id, time, start_time, value, count, record, exemplars) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        foreach (var point in points)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(seriesIds[point.Series], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(UnixTime.ToNanoseconds(point.Timestamp), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            if (point.StartTimestamp is { } start)
            {
                await importer.WriteAsync(UnixTime.ToNanoseconds(start), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            }

            if (point.Value is { } value)
            {
                await importer.WriteAsync(value, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            }

            if ((point.Histogram?.Count ?? point.ExponentialHistogram?.Count ?? point.Summary?.Count) is { } count)
            {
                await importer.WriteAsync(count, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            }

            // Only a distribution carries more than its value; the series is in its own table, the exemplars in their
            // own column.
            await WriteNullableAsync(
                importer,
                point.Histogram is null && point.ExponentialHistogram is null && point.Summary is null ? null : RecordJson.Write(point with { Series = s_noSeries, Exemplars = [] }),
                cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, ExemplarRows.Serialize(point), cancellationToken).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
