using Vigil.Model;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Otlp.Proto.Trace.V1;

namespace Vigil.Server.Otlp.Mapping;

internal static partial class OtlpMapper
{
    public static OtlpMappingResult MapTraces(ExportTraceServiceRequest request)
    {
        var spans = new List<SpanEntry>(CountSpans(request));
        var rejected = new RejectionTally();
        var traceIds = new RecentId();
        var parentIds = new RecentId();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = MapResource(resourceSpans.Resource, resourceSpans.SchemaUrl);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scope = MapScope(scopeSpans.Scope);
                foreach (var span in scopeSpans.Spans)
                {
                    if (TryMapSpan(span, scope, resource, rejected, traceIds, parentIds) is { } entry)
                    {
                        spans.Add(entry);
                    }
                }
            }
        }

        return new(new TelemetryBatch { Spans = spans }, spans.Count, rejected.Count, rejected.Message);
    }

    private static int CountSpans(ExportTraceServiceRequest request)
    {
        var count = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                count += scopeSpans.Spans.Count;
            }
        }

        return count;
    }

    private static SpanEntry? TryMapSpan(Span span, InstrumentationScopeInfo scope, TelemetryResource resource, RejectionTally rejected, RecentId traceIds, RecentId parentIds)
    {
        if (!OtlpIds.TryRequired(span.TraceId, OtlpIds.TraceIdLength, out var traceId, traceIds))
        {
            rejected.Reject($"span '{span.Name}': trace_id must be {OtlpIds.TraceIdLength} bytes, not all zero (got {span.TraceId.Length})");
            return null;
        }

        if (!OtlpIds.TryRequired(span.SpanId, OtlpIds.SpanIdLength, out var spanId))
        {
            rejected.Reject($"span '{span.Name}': span_id must be {OtlpIds.SpanIdLength} bytes, not all zero (got {span.SpanId.Length})");
            return null;
        }

        if (!OtlpIds.TryOptional(span.ParentSpanId, OtlpIds.SpanIdLength, out var parentSpanId, parentIds))
        {
            rejected.Reject($"span '{span.Name}': parent_span_id must be empty or {OtlpIds.SpanIdLength} bytes (got {span.ParentSpanId.Length})");
            return null;
        }

        return new SpanEntry
        {
            TraceId = traceId,
            SpanId = spanId,
            ParentSpanId = parentSpanId,
            TraceState = span.TraceState.Length == 0 ? null : span.TraceState,
            TraceFlags = (int)(span.Flags & (uint)SpanFlags.TraceFlagsMask),
            Name = span.Name,
            Kind = (SpanKind)Math.Clamp((int)span.Kind, 0, (int)SpanKind.Consumer),
            StartTime = FromUnixNano(span.StartTimeUnixNano),
            EndTime = FromUnixNano(Math.Max(span.EndTimeUnixNano, span.StartTimeUnixNano)),
            StatusCode = (SpanStatusCode)Math.Clamp((int)(span.Status?.Code ?? 0), 0, (int)SpanStatusCode.Error),
            StatusMessage = string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
            Attributes = MapAttributes(span.Attributes),
            Events = MapEvents(span),
            Links = MapLinks(span),
            Scope = scope,
            Resource = resource,
        };
    }

    // Most spans have no events and no links: those share the empty list instead of allocating one each.
    private static SpanEventEntry[] MapEvents(Span span)
    {
        if (span.Events.Count == 0)
        {
            return [];
        }

        var events = new SpanEventEntry[span.Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var e = span.Events[i];
            events[i] = new SpanEventEntry
            {
                Name = e.Name,
                Timestamp = FromUnixNano(e.TimeUnixNano),
                Attributes = MapAttributes(e.Attributes),
            };
        }

        return events;
    }

    private static SpanLinkEntry[] MapLinks(Span span)
    {
        if (span.Links.Count == 0)
        {
            return [];
        }

        var links = new SpanLinkEntry[span.Links.Count];
        var kept = 0;
        foreach (var link in span.Links)
        {
            // A bad link does not make the span unusable; it is left out.
            if (OtlpIds.TryRequired(link.TraceId, OtlpIds.TraceIdLength, out var linkTraceId)
                && OtlpIds.TryRequired(link.SpanId, OtlpIds.SpanIdLength, out var linkSpanId))
            {
                links[kept++] = new SpanLinkEntry
                {
                    TraceId = linkTraceId,
                    SpanId = linkSpanId,
                    TraceState = link.TraceState.Length == 0 ? null : link.TraceState,
                    Attributes = MapAttributes(link.Attributes),
                };
            }
        }

        return kept == links.Length ? links : links[..kept];
    }
}
