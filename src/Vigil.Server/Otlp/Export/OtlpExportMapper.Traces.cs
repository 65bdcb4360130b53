using Vigil.Model;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Otlp.Proto.Trace.V1;
using ProtoSpanKind = Vigil.Server.Otlp.Proto.Trace.V1.Span.Types.SpanKind;

namespace Vigil.Server.Otlp.Export;

internal static partial class OtlpExportMapper
{
    public static ExportTraceServiceRequest ToRequest(IEnumerable<SpanEntry> spans)
    {
        var request = new ExportTraceServiceRequest();
        foreach (var (resource, scopes) in Group(spans, s => s.Resource, s => s.Scope))
        {
            var resourceSpans = new ResourceSpans { Resource = ToResource(resource), SchemaUrl = resource.SchemaUrl ?? string.Empty };
            foreach (var (scope, records) in scopes)
            {
                var scopeSpans = new ScopeSpans { Scope = ToScope(scope) };
                foreach (var span in records)
                {
                    scopeSpans.Spans.Add(ToSpan(span));
                }

                resourceSpans.ScopeSpans.Add(scopeSpans);
            }

            request.ResourceSpans.Add(resourceSpans);
        }

        return request;
    }

    private static Span ToSpan(SpanEntry entry)
    {
        var span = new Span
        {
            TraceId = Id(entry.TraceId),
            SpanId = Id(entry.SpanId),
            ParentSpanId = Id(entry.ParentSpanId),
            TraceState = entry.TraceState ?? string.Empty,
            Flags = (uint)entry.TraceFlags,
            Name = entry.Name,
            Kind = (ProtoSpanKind)(int)entry.Kind,
            StartTimeUnixNano = ToUnixNano(entry.StartTime),
            EndTimeUnixNano = ToUnixNano(entry.EndTime),
            Status = new() { Code = (Status.Types.StatusCode)(int)entry.StatusCode, Message = entry.StatusMessage ?? string.Empty },
        };
        AddAttributes(span.Attributes, entry.Attributes);
        foreach (var e in entry.Events)
        {
            var protoEvent = new Span.Types.Event { Name = e.Name, TimeUnixNano = ToUnixNano(e.Timestamp) };
            AddAttributes(protoEvent.Attributes, e.Attributes);
            span.Events.Add(protoEvent);
        }

        foreach (var link in entry.Links)
        {
            var protoLink = new Span.Types.Link { TraceId = Id(link.TraceId), SpanId = Id(link.SpanId), TraceState = link.TraceState ?? string.Empty };
            AddAttributes(protoLink.Attributes, link.Attributes);
            span.Links.Add(protoLink);
        }

        return span;
    }
}
