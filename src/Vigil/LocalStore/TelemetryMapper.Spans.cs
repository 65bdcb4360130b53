using System.Diagnostics;
using Vigil.Storage;

namespace Vigil.LocalStore;

internal static partial class TelemetryMapper
{
    public static SpanEntry ToSpanEntry(Activity activity, TelemetryResource resource) => new()
    {
        TraceId = activity.TraceId.ToHexString(),
        SpanId = activity.SpanId.ToHexString(),
        ParentSpanId = activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString(),
        TraceState = activity.TraceStateString,
        TraceFlags = (int)activity.ActivityTraceFlags,
        Name = activity.DisplayName,
        Kind = activity.Kind switch
        {
            ActivityKind.Server => Storage.SpanKind.Server,
            ActivityKind.Client => Storage.SpanKind.Client,
            ActivityKind.Producer => Storage.SpanKind.Producer,
            ActivityKind.Consumer => Storage.SpanKind.Consumer,
            _ => Storage.SpanKind.Internal,
        },
        StartTime = new DateTimeOffset(activity.StartTimeUtc),
        EndTime = new DateTimeOffset(activity.StartTimeUtc + activity.Duration),
        StatusCode = activity.Status switch
        {
            ActivityStatusCode.Ok => SpanStatusCode.Ok,
            ActivityStatusCode.Error => SpanStatusCode.Error,
            _ => SpanStatusCode.Unset,
        },
        StatusMessage = activity.StatusDescription,
        Attributes = Copy(activity.TagObjects),
        Events = [.. activity.Events.Select(e => new SpanEventEntry { Name = e.Name, Timestamp = e.Timestamp, Attributes = Copy(e.Tags) })],
        Links = [.. activity.Links.Select(l => new SpanLinkEntry
        {
            TraceId = l.Context.TraceId.ToHexString(),
            SpanId = l.Context.SpanId.ToHexString(),
            TraceState = l.Context.TraceState,
            Attributes = Copy(l.Tags),
        })],
        Scope = new InstrumentationScopeInfo { Name = activity.Source.Name, Version = activity.Source.Version },
        Resource = resource,
    };
}
