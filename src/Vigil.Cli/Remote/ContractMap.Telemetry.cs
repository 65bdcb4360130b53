using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Cli.Remote;

/// <summary>
/// The API's v1 contract types back as the model's records, so every command prints the same thing from a server as
/// from a store file. The server's side of the mapping is Vigil.Server's <c>Api/ApiMap</c>; the round trip is tested
/// (Remote/ApiContractRoundTripTests).
/// </summary>
internal static partial class ContractMap
{
    public static LogEntry ToModel(this ApiLogRecord record) => new()
    {
        Sequence = record.Sequence,
        Timestamp = record.Timestamp,
        ObservedTimestamp = record.ObservedTimestamp,
        SeverityNumber = record.SeverityNumber,
        SeverityText = record.SeverityText,
        Body = record.Body,
        Attributes = ContractAttributes.ToModel(record.Attributes),
        TraceId = record.TraceId,
        SpanId = record.SpanId,
        TraceFlags = record.TraceFlags,
        EventName = record.EventName,
        ExceptionType = record.ExceptionType,
        ExceptionMessage = record.ExceptionMessage,
        ExceptionStackTrace = record.ExceptionStackTrace,
        Scope = record.Scope.ToModel(),
        Resource = record.Resource.ToModel(),
    };

    public static SpanEntry ToModel(this ApiSpan span) => new()
    {
        TraceId = span.TraceId,
        SpanId = span.SpanId,
        ParentSpanId = span.ParentSpanId,
        TraceState = span.TraceState,
        TraceFlags = span.TraceFlags,
        Name = span.Name,
        Kind = (SpanKind)span.Kind,
        StartTime = span.StartTime,
        EndTime = span.EndTime,
        StatusCode = (SpanStatusCode)span.StatusCode,
        StatusMessage = span.StatusMessage,
        Attributes = ContractAttributes.ToModel(span.Attributes),
        Events = [.. span.Events.Select(e => new SpanEventEntry { Name = e.Name, Timestamp = e.Timestamp, Attributes = ContractAttributes.ToModel(e.Attributes) })],
        Links = [.. span.Links.Select(l => new SpanLinkEntry { TraceId = l.TraceId, SpanId = l.SpanId, TraceState = l.TraceState, Attributes = ContractAttributes.ToModel(l.Attributes) })],
        Scope = span.Scope.ToModel(),
        Resource = span.Resource.ToModel(),
    };

    public static TraceSummary ToModel(this ApiTraceSummary trace) => new()
    {
        TraceId = trace.TraceId,
        RootSpanName = trace.RootSpanName,
        ServiceName = trace.ServiceName,
        SpanCount = trace.SpanCount,
        StartTime = trace.StartTime,
        Duration = trace.Duration,
        HasError = trace.HasError,
    };

    // The contract's enums have the model's values; the drift test (Remote/ApiContractDriftTests) holds them together.
    public static ApiSpanKind ToApi(this SpanKind kind) => (ApiSpanKind)kind;

    public static ApiSpanStatusCode ToApi(this SpanStatusCode code) => (ApiSpanStatusCode)code;

    private static InstrumentationScopeInfo ToModel(this ApiScope scope) =>
        new() { Name = scope.Name, Version = scope.Version, Attributes = ContractAttributes.ToModel(scope.Attributes) };

    // ServiceName is read from the attributes, as the store does; the contract's copy is for readers of the JSON.
    private static TelemetryResource ToModel(this ApiResource resource) =>
        new() { Attributes = ContractAttributes.ToModel(resource.Attributes), SchemaUrl = resource.SchemaUrl };
}
