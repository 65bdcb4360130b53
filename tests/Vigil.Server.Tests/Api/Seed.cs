using Vigil.Model;

namespace Vigil.Server.Tests.Api;

/// <summary>Records with sensible defaults, around a fixed <see cref="Now"/>.</summary>
internal static partial class Seed
{
    public const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static TelemetryResource Service(string name) => new() { Attributes = [new(TelemetryResource.ServiceNameKey, name)] };

    public static LogEntry Log(string body, int severity = 9, string service = "orders", string? traceId = null, int minutesAgo = 1, params KeyValuePair<string, object?>[] attributes) => new()
    {
        Timestamp = Now.AddMinutes(-minutesAgo),
        SeverityNumber = severity,
        SeverityText = severity >= 17 ? "Error" : "Information",
        Body = body,
        TraceId = traceId,
        SpanId = traceId is null ? null : "00f067aa0ba902b7",
        Attributes = attributes,
        Resource = Service(service),
    };

    public static SpanEntry Span(string name, string spanId, string? parent, TimeSpan duration, SpanStatusCode status = SpanStatusCode.Unset) => new()
    {
        TraceId = TraceId,
        SpanId = spanId,
        ParentSpanId = parent,
        Name = name,
        StartTime = Now.AddMinutes(-2),
        EndTime = Now.AddMinutes(-2) + duration,
        StatusCode = status,
        Resource = Service("orders"),
    };

    public static MetricPoint Counter(string name, double value, DateTimeOffset at, params KeyValuePair<string, object?>[] attributes) => new()
    {
        Series = new MetricSeriesInfo
        {
            Name = name,
            Unit = "{order}",
            Description = "Orders placed.",
            Kind = MetricKind.Sum,
            IsMonotonic = true,
            Temporality = AggregationTemporality.Cumulative,
            Attributes = attributes,
            Resource = Service("orders"),
        },
        Timestamp = at,
        StartTimestamp = Now.AddHours(-1),
        Value = value,
    };

    public static MetricPoint Gauge(string name, double value, DateTimeOffset at, string service = "orders", string? unit = null) => new()
    {
        Series = new MetricSeriesInfo { Name = name, Unit = unit, Kind = MetricKind.Gauge, Resource = Service(service) },
        Timestamp = at,
        Value = value,
    };

    public static MetricPoint Histogram(string name, long count, IReadOnlyList<long> buckets, DateTimeOffset at) => new()
    {
        Series = new MetricSeriesInfo
        {
            Name = name,
            Unit = "ms",
            Description = "Request duration.",
            Kind = MetricKind.Histogram,
            Temporality = AggregationTemporality.Delta,
            Resource = Service("orders"),
        },
        Timestamp = at,
        StartTimestamp = at.AddMinutes(-1),
        Histogram = new HistogramData { Count = count, Sum = count * 50, ExplicitBounds = [10, 100, 1000], BucketCounts = buckets },
    };
}
