using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>Span rows and the per-trace summary row.</summary>
internal sealed partial class SqliteBatchWriter
{
    private void WriteSpan(SpanEntry span)
    {
        var resource = ResolveResource(span.Resource);
        var scope = ResolveScope(span.Scope);
        var traceId = NormalizeId(span.TraceId) ?? string.Empty;
        var parent = NormalizeId(span.ParentSpanId);
        var start = UnixTime.ToNanoseconds(span.StartTime);
        var end = UnixTime.ToNanoseconds(span.EndTime);
        var serviceName = span.Resource.ServiceName;

        _insertSpan.Set(0, traceId);
        _insertSpan.Set(1, NormalizeId(span.SpanId) ?? string.Empty);
        _insertSpan.Set(2, parent);
        _insertSpan.Set(3, span.TraceState);
        _insertSpan.Set(4, span.TraceFlags);
        _insertSpan.Set(5, span.Name);
        _insertSpan.Set(6, (int)span.Kind);
        _insertSpan.Set(7, start);
        _insertSpan.Set(8, end);
        _insertSpan.Set(9, (int)span.StatusCode);
        _insertSpan.Set(10, span.StatusMessage);
        _insertSpan.Set(11, AttributeJson.Serialize(span.Attributes));
        _insertSpan.Set(12, SpanJson.SerializeEvents(span.Events));
        _insertSpan.Set(13, SpanJson.SerializeLinks(span.Links));
        _insertSpan.Set(14, serviceName);
        _insertSpan.Set(15, resource.Id);
        _insertSpan.Set(16, scope.Id);
        _insertSpan.Execute();

        var isRoot = parent is null;
        _upsertTrace.Set(0, traceId);
        _upsertTrace.Set(1, start);
        _upsertTrace.Set(2, end);
        _upsertTrace.Set(3, span.StatusCode == SpanStatusCode.Error ? 1 : 0);
        _upsertTrace.Set(4, isRoot ? span.Name : null);
        _upsertTrace.Set(5, serviceName);
        _upsertTrace.Set(6, isRoot ? 1 : 0);
        _upsertTrace.Execute();
    }
}
