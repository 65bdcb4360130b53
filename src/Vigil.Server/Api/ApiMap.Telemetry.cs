using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage.Logs;

namespace Vigil.Server.Api;

/// <summary>
/// The store's records as the API's v1 contract types: the one place the storage model meets the wire, so the store
/// can change without the API changing (the CLI client maps back in Vigil.Cli's <c>Remote/ContractMap</c>).
/// </summary>
internal static partial class ApiMap
{
    public static ApiLogRecord ToApi(this LogEntry entry) => new()
    {
        Sequence = entry.Sequence,
        Timestamp = entry.Timestamp,
        ObservedTimestamp = entry.ObservedTimestamp,
        SeverityNumber = entry.SeverityNumber,
        SeverityText = entry.SeverityText,
        Body = entry.Body,
        Attributes = ApiAttributes.From(entry.Attributes),
        TraceId = entry.TraceId,
        SpanId = entry.SpanId,
        TraceFlags = entry.TraceFlags,
        EventName = entry.EventName,
        ExceptionType = entry.ExceptionType,
        ExceptionMessage = entry.ExceptionMessage,
        ExceptionStackTrace = entry.ExceptionStackTrace,
        Scope = entry.Scope.ToApi(),
        Resource = entry.Resource.ToApi(),
    };

    public static ApiLogPattern ToApi(this LogPattern pattern) => new()
    {
        Pattern = pattern.Pattern,
        Count = pattern.Count,
        Services = pattern.Services,
        MaxSeverityNumber = pattern.MaxSeverityNumber,
        FirstSeen = pattern.FirstSeen,
        LastSeen = pattern.LastSeen,
        Search = LogPatterns.LongestLiteral(pattern.Pattern),
        Example = pattern.Newest.ToApi(),
    };

    public static ApiSpan ToApi(this SpanEntry span) => new()
    {
        TraceId = span.TraceId,
        SpanId = span.SpanId,
        ParentSpanId = span.ParentSpanId,
        TraceState = span.TraceState,
        TraceFlags = span.TraceFlags,
        Name = span.Name,
        Kind = (ApiSpanKind)span.Kind,
        StartTime = span.StartTime,
        EndTime = span.EndTime,
        Duration = span.Duration,
        StatusCode = (ApiSpanStatusCode)span.StatusCode,
        StatusMessage = span.StatusMessage,
        Attributes = ApiAttributes.From(span.Attributes),
        Events = [.. span.Events.Select(e => new ApiSpanEvent { Name = e.Name, Timestamp = e.Timestamp, Attributes = ApiAttributes.From(e.Attributes) })],
        Links = [.. span.Links.Select(l => new ApiSpanLink { TraceId = l.TraceId, SpanId = l.SpanId, TraceState = l.TraceState, Attributes = ApiAttributes.From(l.Attributes) })],
        Scope = span.Scope.ToApi(),
        Resource = span.Resource.ToApi(),
    };

    public static ApiTraceSummary ToApi(this TraceSummary trace) => new()
    {
        TraceId = trace.TraceId,
        RootSpanName = trace.RootSpanName,
        ServiceName = trace.ServiceName,
        SpanCount = trace.SpanCount,
        StartTime = trace.StartTime,
        Duration = trace.Duration,
        HasError = trace.HasError,
    };

    private static ApiScope ToApi(this InstrumentationScopeInfo scope) =>
        new() { Name = scope.Name, Version = scope.Version, Attributes = ApiAttributes.From(scope.Attributes) };

    private static ApiResource ToApi(this TelemetryResource resource) =>
        new() { Attributes = ApiAttributes.From(resource.Attributes), SchemaUrl = resource.SchemaUrl, ServiceName = resource.ServiceName };
}
