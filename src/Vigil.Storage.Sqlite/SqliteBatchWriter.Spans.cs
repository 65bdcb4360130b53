using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Span rows through a raw prepared statement, and one summary row upsert per trace per batch (the spans of a trace
/// mostly arrive together: once per span, the upsert cost as much as the span itself).
/// </summary>
internal sealed partial class SqliteBatchWriter
{
    private const int SpanColumns = 17;

    // Spans go in SpansPerInsert rows per statement (RawStatement.Values); the batch's last few go one by one.
    private const int SpansPerInsert = 32;

    private static readonly string s_insertSpanSql = InsertSpansSql(1);
    private static readonly string s_insertSpansSql = InsertSpansSql(SpansPerInsert);

    // The same merge, row for row, as when each span upserted its trace in turn: the earliest start, the latest end,
    // the count added, an error anywhere, and the name and service of the batch's last root span.
    private const string UpsertTraceSql =
        "INSERT INTO traces (trace_id, start_time, end_time, span_count, has_error, root_name, service_name, has_root) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) " +
        "ON CONFLICT (trace_id) DO UPDATE SET " +
        "start_time = min(start_time, excluded.start_time), end_time = max(end_time, excluded.end_time), " +
        "span_count = span_count + excluded.span_count, has_error = max(has_error, excluded.has_error), " +
        "root_name = CASE WHEN excluded.has_root THEN excluded.root_name ELSE root_name END, " +
        "service_name = CASE WHEN excluded.has_root THEN excluded.service_name ELSE service_name END, " +
        "has_root = max(has_root, excluded.has_root);";

    private readonly Dictionary<string, TraceTotals> _traces = new(StringComparer.Ordinal);

    private void WriteSpans(IReadOnlyList<SpanEntry> spans)
    {
        if (spans.Count == 0)
        {
            return;
        }

        try
        {
            var i = 0;
            for (; i + SpansPerInsert <= spans.Count; i += SpansPerInsert)
            {
                for (var row = 0; row < SpansPerInsert; row++)
                {
                    WriteSpan(_insertSpans, row * SpanColumns, spans[i + row]);
                }

                _insertSpans.Execute();
            }

            for (; i < spans.Count; i++)
            {
                WriteSpan(_insertSpan, 0, spans[i]);
                _insertSpan.Execute();
            }

            foreach (var (traceId, totals) in _traces)
            {
                _upsertTrace.Bind(1, traceId);
                _upsertTrace.Bind(2, totals.Start);
                _upsertTrace.Bind(3, totals.End);
                _upsertTrace.Bind(4, totals.Count);
                _upsertTrace.Bind(5, totals.HasError ? 1 : 0);
                _upsertTrace.Bind(6, totals.RootName);
                _upsertTrace.Bind(7, totals.ServiceName);
                _upsertTrace.Bind(8, totals.HasRoot ? 1 : 0);
                _upsertTrace.Execute();
            }
        }
        finally
        {
            _traces.Clear();
        }
    }

    private static string InsertSpansSql(int rows) =>
        "INSERT INTO spans (trace_id, span_id, parent_span_id, trace_state, trace_flags, name, kind, start_time, end_time, " +
        "status_code, status_message, attributes, events, links, service_name, resource_id, scope_id) VALUES " +
        RawStatement.Values(SpanColumns, rows) + ";";

    /// <summary>Binds a span's columns from parameter <paramref name="offset"/> + 1 on, and adds it to its trace's totals.</summary>
    private void WriteSpan(RawStatement insert, int offset, SpanEntry span)
    {
        var resource = ResolveResource(span.Resource);
        var scope = ResolveScope(span.Scope);
        var traceId = NormalizeId(span.TraceId) ?? string.Empty;
        var parent = NormalizeId(span.ParentSpanId);
        var start = UnixTime.ToNanoseconds(span.StartTime);
        var end = UnixTime.ToNanoseconds(span.EndTime);
        var serviceName = span.Resource.ServiceName;

        insert.Bind(offset + 1, traceId);
        insert.Bind(offset + 2, NormalizeId(span.SpanId) ?? string.Empty);
        insert.Bind(offset + 3, parent);
        insert.Bind(offset + 4, span.TraceState);
        insert.Bind(offset + 5, span.TraceFlags);
        insert.Bind(offset + 6, span.Name);
        insert.Bind(offset + 7, (int)span.Kind);
        insert.Bind(offset + 8, start);
        insert.Bind(offset + 9, end);
        insert.Bind(offset + 10, (int)span.StatusCode);
        insert.Bind(offset + 11, span.StatusMessage);
        insert.BindUtf8(offset + 12, _json.Attributes(span.Attributes));
        insert.BindUtf8(offset + 13, _json.Events(span.Events));
        insert.BindUtf8(offset + 14, _json.Links(span.Links));
        insert.Bind(offset + 15, serviceName);
        insert.Bind(offset + 16, resource.Id);
        insert.Bind(offset + 17, scope.Id);

        var isRoot = parent is null;
        var isError = span.StatusCode == SpanStatusCode.Error;
        if (_traces.TryGetValue(traceId, out var totals))
        {
            _traces[traceId] = totals.Add(start, end, isError, isRoot ? span.Name : null, serviceName, isRoot);
        }
        else
        {
            // A trace first seen without its root keeps the service of its first span until a root arrives.
            _traces[traceId] = new TraceTotals(start, end, 1, isError, isRoot ? span.Name : null, serviceName, isRoot);
        }
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
