using Npgsql;
using NpgsqlTypes;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Each batch's spans merged into their traces' summary rows, one upsert for the batch.</summary>
internal sealed partial class PostgreSqlStore
{
    // The SQLite engine's merge, row for row: the earliest start, the latest end, the count added, an error anywhere,
    // and the name and service of the batch's last root span (a trace seen first without its root keeps the service
    // of its first span until a root arrives).
    private const string UpsertTracesSql =
        "INSERT INTO traces (trace_id, start_time, end_time, span_count, has_error, root_name, service, has_root) " +
        "SELECT * FROM unnest(@ids, @starts, @ends, @counts, @errors, @roots, @services, @hasRoots) " +
        "ON CONFLICT (trace_id) DO UPDATE SET " +
        "start_time = LEAST(traces.start_time, EXCLUDED.start_time), end_time = GREATEST(traces.end_time, EXCLUDED.end_time), " +
        "span_count = traces.span_count + EXCLUDED.span_count, has_error = traces.has_error OR EXCLUDED.has_error, " +
        "root_name = CASE WHEN EXCLUDED.has_root THEN EXCLUDED.root_name ELSE traces.root_name END, " +
        "service = CASE WHEN EXCLUDED.has_root THEN EXCLUDED.service ELSE traces.service END, " +
        "has_root = traces.has_root OR EXCLUDED.has_root";

    private static async Task UpsertTracesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<SpanEntry> spans, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, TraceTotals>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            var traceId = NormalizeId(span.TraceId) ?? string.Empty;
            var start = UnixTime.ToNanoseconds(span.StartTime);
            var end = UnixTime.ToNanoseconds(span.EndTime);
            var isRoot = NormalizeId(span.ParentSpanId) is null;
            var isError = span.StatusCode == SpanStatusCode.Error;
            var service = span.Resource.ServiceName;
            totals[traceId] = totals.TryGetValue(traceId, out var known)
                ? known.Add(start, end, isError, isRoot ? span.Name : null, service, isRoot)
                : new TraceTotals(start, end, 1, isError, isRoot ? span.Name : null, service, isRoot);
        }

        // In trace id order, so two writers upserting the same traces lock them in the same order and never deadlock.
        var ordered = totals.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        await using var command = new NpgsqlCommand(UpsertTracesSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. ordered.Select(t => PostgreSqlText.Clean(t.Key))] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("starts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. ordered.Select(t => t.Value.Start)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("ends", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. ordered.Select(t => t.Value.End)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("counts", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. ordered.Select(t => t.Value.Count)] });
        command.Parameters.Add(new NpgsqlParameter<bool[]>("errors", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = [.. ordered.Select(t => t.Value.HasError)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("roots", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. ordered.Select(t => PostgreSqlText.CleanOrNull(t.Value.RootName))] });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("services", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. ordered.Select(t => PostgreSqlText.CleanOrNull(t.Value.ServiceName))] });
        command.Parameters.Add(new NpgsqlParameter<bool[]>("hasRoots", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = [.. ordered.Select(t => t.Value.HasRoot)] });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a batch's spans add to their trace's summary row.</summary>
    private readonly record struct TraceTotals(long Start, long End, long Count, bool HasError, string? RootName, string? ServiceName, bool HasRoot)
    {
        public TraceTotals Add(long start, long end, bool isError, string? rootName, string? serviceName, bool isRoot) => new(
            Math.Min(Start, start),
            Math.Max(End, end),
            Count + 1,
            HasError || isError,
            isRoot ? rootName : RootName,
            isRoot ? serviceName : ServiceName,
            HasRoot || isRoot);
    }
}
