namespace Vigil.Storage.Sqlite;

/// <summary>
/// Span rows through a raw prepared statement, and one summary row upsert per trace per batch (the spans of a trace
/// mostly arrive together: once per span, the upsert cost as much as the span itself).
/// </summary>
internal sealed partial class SqliteBatchWriter
{
    private const string InsertSpanSql =
        "INSERT INTO spans (trace_id, span_id, parent_span_id, trace_state, trace_flags, name, kind, start_time, end_time, " +
        "status_code, status_message, attributes, events, links, service_name, resource_id, scope_id) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17);";

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
            foreach (var span in spans)
            {
                WriteSpan(span);
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

    private void WriteSpan(SpanEntry span)
    {
        var resource = ResolveResource(span.Resource);
        var scope = ResolveScope(span.Scope);
        var traceId = NormalizeId(span.TraceId) ?? string.Empty;
        var parent = NormalizeId(span.ParentSpanId);
        var start = UnixTime.ToNanoseconds(span.StartTime);
        var end = UnixTime.ToNanoseconds(span.EndTime);
        var serviceName = span.Resource.ServiceName;

        _insertSpan.Bind(1, traceId);
        _insertSpan.Bind(2, NormalizeId(span.SpanId) ?? string.Empty);
        _insertSpan.Bind(3, parent);
        _insertSpan.Bind(4, span.TraceState);
        _insertSpan.Bind(5, span.TraceFlags);
        _insertSpan.Bind(6, span.Name);
        _insertSpan.Bind(7, (int)span.Kind);
        _insertSpan.Bind(8, start);
        _insertSpan.Bind(9, end);
        _insertSpan.Bind(10, (int)span.StatusCode);
        _insertSpan.Bind(11, span.StatusMessage);
        _insertSpan.BindUtf8(12, _json.Attributes(span.Attributes));
        _insertSpan.BindUtf8(13, _json.Events(span.Events));
        _insertSpan.BindUtf8(14, _json.Links(span.Links));
        _insertSpan.Bind(15, serviceName);
        _insertSpan.Bind(16, resource.Id);
        _insertSpan.Bind(17, scope.Id);
        _insertSpan.Execute();

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
