using Npgsql;
using NpgsqlTypes;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Writes: one transaction per batch on a pooled connection. Logs, spans and points go in by binary COPY; the trace
/// summaries and metric series are upserted; then the write pipeline groups errors and folds health through the
/// engine's persistence on the same transaction, so all of it commits together or not at all.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    private readonly PostgreSqlPartitions _partitions = new();

    public async Task WriteAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfReadOnly();
        if (batch.IsEmpty)
        {
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await WriteOnceAsync(batch, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (PostgresException exception) when (attempt == 0 && IsMissingPartition(exception))
            {
                // Another server's retention dropped a day partition this one had created or seen before, and a late
                // record still falls in that day. Nothing of the batch committed; forget what is known, create the
                // partitions again and write the batch once more.
                _partitions.ForgetAll();
            }
            catch (NpgsqlException exception)
            {
                throw new StoreException(Location, $"Could not write to the PostgreSQL store '{Location}': {exception.Message}", exception);
            }
        }
    }

    private async Task WriteOnceAsync(TelemetryBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await EnsurePartitionsAsync(connection, batch, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // First: a refused push batch stops before any of its records is written.
        await WritePushMarksAsync(connection, transaction, batch.PushMarks, cancellationToken).ConfigureAwait(false);
        if (batch.Logs.Count > 0)
        {
            await AnnounceLogWriteAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await CopyLogsAsync(connection, batch.Logs, cancellationToken).ConfigureAwait(false);
        }

        if (batch.Spans.Count > 0)
        {
            await CopySpansAsync(connection, batch.Spans, cancellationToken).ConfigureAwait(false);
            await UpsertTracesAsync(connection, transaction, batch.Spans, cancellationToken).ConfigureAwait(false);
        }

        if (batch.MetricPoints.Count > 0)
        {
            var seriesIds = await ResolveSeriesAsync(connection, transaction, batch.MetricPoints, cancellationToken).ConfigureAwait(false);
            await CopyPointsAsync(connection, batch.MetricPoints, seriesIds, cancellationToken).ConfigureAwait(false);
        }

        new TelemetryWritePipeline(_options.ErrorTracking, _options.Clock).Write(
            batch,
            new PostgreSqlErrorGroupPersistence(connection, transaction),
            new PostgreSqlHealthPersistence(connection, transaction));
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"no partition of relation ... found for row": the error names the partitioned table it is about.</summary>
    private static bool IsMissingPartition(PostgresException exception) =>
        exception.SqlState == PostgresErrorCodes.CheckViolation && PostgreSqlPartitions.Tables.Contains(exception.TableName, StringComparer.Ordinal);

    private async Task EnsurePartitionsAsync(NpgsqlConnection connection, TelemetryBatch batch, CancellationToken cancellationToken)
    {
        // Today and tomorrow are created ahead, so the first write after midnight does not wait for DDL.
        var today = PostgreSqlPartitions.DayOf(UnixTime.ToNanoseconds(_options.Clock.GetUtcNow()));
        long[] ahead = [today, today + 1];
        await _partitions.EnsureAsync(connection, "logs", ahead.Concat(batch.Logs.Select(l => Day(l.Timestamp))).Distinct(), cancellationToken).ConfigureAwait(false);
        await _partitions.EnsureAsync(connection, "spans", ahead.Concat(batch.Spans.Select(s => Day(s.StartTime))).Distinct(), cancellationToken).ConfigureAwait(false);
        await _partitions.EnsureAsync(connection, "metric_points", ahead.Concat(batch.MetricPoints.Select(p => Day(p.Timestamp))).Distinct(), cancellationToken).ConfigureAwait(false);

        static long Day(DateTimeOffset time) => PostgreSqlPartitions.DayOf(UnixTime.ToNanoseconds(time));
    }

    private static async Task CopyLogsAsync(NpgsqlConnection connection, IReadOnlyList<LogEntry> logs, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY logs (time, service, severity, trace_id, body, words, attribute_filters, record) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        foreach (var log in logs)
        {
            var stored = log with { Sequence = 0, TraceId = NormalizeId(log.TraceId), SpanId = NormalizeId(log.SpanId) };
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(UnixTime.ToNanoseconds(log.Timestamp), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, log.Resource.ServiceName, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(log.SeverityNumber, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, stored.TraceId, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, log.Body, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(LogSearchTerms.BodyWords(log.Body), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(LogSearchTerms.Attributes(log.Attributes).Select(PostgreSqlText.Clean).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(RecordJson.Write(stored), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopySpansAsync(NpgsqlConnection connection, IReadOnlyList<SpanEntry> spans, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY spans (trace_id, span_id, parent_span_id, service, name, kind, start_time, end_time, status, record) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        foreach (var span in spans)
        {
            var stored = Normalize(span);
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(PostgreSqlText.Clean(stored.TraceId), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(PostgreSqlText.Clean(stored.SpanId), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, stored.ParentSpanId, cancellationToken).ConfigureAwait(false);
            await WriteNullableAsync(importer, span.Resource.ServiceName, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(PostgreSqlText.Clean(span.Name), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync((int)span.Kind, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(UnixTime.ToNanoseconds(span.StartTime), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(UnixTime.ToNanoseconds(span.EndTime), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync((int)span.StatusCode, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(RecordJson.Write(stored), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await importer.WriteAsync(PostgreSqlText.Clean(value), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        }
    }

    private static SpanEntry Normalize(SpanEntry span) => span with
    {
        TraceId = NormalizeId(span.TraceId) ?? string.Empty,
        SpanId = NormalizeId(span.SpanId) ?? string.Empty,
        ParentSpanId = NormalizeId(span.ParentSpanId),
    };

    /// <summary>Ids are stored lower-case, and an empty id as none, as the SQLite engine stores them.</summary>
    private static string? NormalizeId(string? id) => string.IsNullOrEmpty(id) ? null : id.ToLowerInvariant();

    private void ThrowIfReadOnly()
    {
        if (_options.ReadOnly)
        {
            throw new StoreReadOnlyException(Location, $"The store '{Location}' was opened read-only.", null);
        }
    }
}
