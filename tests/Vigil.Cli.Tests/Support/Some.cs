using Vigil.Model;

namespace Vigil.Cli.Tests.Support;

/// <summary>Builders for records with sensible defaults.</summary>
internal static class Some
{
    public const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    public const string OtherTraceId = "0af7651916cd43dd8448eb211c80319c";

    public static TelemetryResource Service(string name) =>
        new() { Attributes = [new(TelemetryResource.ServiceNameKey, name)] };

    public static LogEntry Log(
        string body,
        DateTimeOffset? at = null,
        int severity = 9,
        string service = "orders",
        string? traceId = null,
        IReadOnlyList<KeyValuePair<string, object?>>? attributes = null) => new()
        {
            Timestamp = at ?? CliHarness.Now.AddMinutes(-1),
            SeverityNumber = severity,
            SeverityText = severity switch { >= 17 => "Error", >= 13 => "Warning", >= 9 => "Information", _ => "Debug" },
            Body = body,
            TraceId = traceId,
            SpanId = traceId is null ? null : "00f067aa0ba902b7",
            Attributes = attributes ?? [],
            Resource = Service(service),
            Scope = new InstrumentationScopeInfo { Name = "Orders.Api" },
        };

    public static SpanEntry Span(
        string name,
        string spanId,
        string? parent,
        DateTimeOffset start,
        TimeSpan duration,
        string traceId = TraceId,
        string service = "orders",
        SpanStatusCode status = SpanStatusCode.Unset) => new()
        {
            TraceId = traceId,
            SpanId = spanId,
            ParentSpanId = parent,
            Name = name,
            Kind = SpanKind.Internal,
            StartTime = start,
            EndTime = start + duration,
            StatusCode = status,
            StatusMessage = status == SpanStatusCode.Error ? "boom" : null,
            Resource = Service(service),
        };

    public static MetricPoint Counter(string name, double value, DateTimeOffset at, string unit = "{order}", params KeyValuePair<string, object?>[] attributes) => new()
    {
        Series = new MetricSeriesInfo
        {
            Name = name,
            Unit = unit,
            Description = "Orders placed.",
            Kind = MetricKind.Sum,
            IsMonotonic = true,
            Temporality = AggregationTemporality.Cumulative,
            Attributes = attributes,
            Resource = Service("orders"),
        },
        Timestamp = at,
        StartTimestamp = CliHarness.Now.AddHours(-1),
        Value = value,
    };

    public static MetricPoint Gauge(string name, double value, DateTimeOffset at, string service = "orders", string? unit = null, params KeyValuePair<string, object?>[] attributes) => new()
    {
        Series = new MetricSeriesInfo
        {
            Name = name,
            Unit = unit,
            Kind = MetricKind.Gauge,
            Attributes = attributes,
            Resource = Service(service),
        },
        Timestamp = at,
        Value = value,
    };

    public static MetricPoint Histogram(string name, long count, IReadOnlyList<long> buckets, DateTimeOffset at, params KeyValuePair<string, object?>[] attributes) => new()
    {
        Series = new MetricSeriesInfo
        {
            Name = name,
            Unit = "ms",
            Description = "Request duration.",
            Kind = MetricKind.Histogram,
            Temporality = AggregationTemporality.Delta,
            Attributes = attributes,
            Resource = Service("orders"),
        },
        Timestamp = at,
        StartTimestamp = at.AddMinutes(-1),
        Histogram = new HistogramData { Count = count, Sum = count * 50, ExplicitBounds = [10, 100, 1000], BucketCounts = buckets },
    };
}
