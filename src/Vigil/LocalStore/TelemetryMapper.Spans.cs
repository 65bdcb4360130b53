using System.Diagnostics;
using Vigil.Model;

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
            ActivityKind.Server => Model.SpanKind.Server,
            ActivityKind.Client => Model.SpanKind.Client,
            ActivityKind.Producer => Model.SpanKind.Producer,
            ActivityKind.Consumer => Model.SpanKind.Consumer,
            _ => Model.SpanKind.Internal,
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
