using Vigil.Model;

namespace Vigil.Storage.Tests.Support;

/// <summary>Builders for test data with every field set.</summary>
internal static class Some
{
    public static readonly DateTimeOffset BaseTime = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static TelemetryResource Resource(string service = "checkout") => new()
    {
        Attributes = [new("service.name", service), new("host.name", "build-7"), new("process.pid", 4242L)],
        SchemaUrl = "https://opentelemetry.io/schemas/1.26.0",
    };

    public static InstrumentationScopeInfo Scope(string name = "Shop.Checkout") => new()
    {
        Name = name,
        Version = "1.2.3",
        Attributes = [new("scope.kind", "library")],
    };

    public static string TraceId(int n) => n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    public static string SpanId(int n) => n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public static LogEntry Log(
        string body = "order placed",
        int severity = 9,
        DateTimeOffset? time = null,
        string service = "checkout",
        string? traceId = null,
        IReadOnlyList<KeyValuePair<string, object?>>? attributes = null) => new()
        {
            Timestamp = time ?? BaseTime,
            ObservedTimestamp = (time ?? BaseTime).AddMilliseconds(3),
            SeverityNumber = severity,
            SeverityText = severity >= 17 ? "Error" : "Information",
            Body = body,
            Attributes = attributes ?? [],
            TraceId = traceId,
            SpanId = traceId is null ? null : SpanId(1),
            Resource = Resource(service),
            Scope = Scope(),
        };

    public static SpanEntry Span(
        int trace,
        int span,
        int? parent = null,
        string name = "GET /orders",
        DateTimeOffset? start = null,
        TimeSpan? duration = null,
        SpanStatusCode status = SpanStatusCode.Unset,
        string service = "checkout")
    {
        var startTime = start ?? BaseTime;
        return new SpanEntry
        {
            TraceId = TraceId(trace),
            SpanId = SpanId(span),
            ParentSpanId = parent is { } p ? SpanId(p) : null,
            Name = name,
            Kind = SpanKind.Server,
            StartTime = startTime,
            EndTime = startTime + (duration ?? TimeSpan.FromMilliseconds(10)),
            StatusCode = status,
            Resource = Resource(service),
            Scope = Scope(),
        };
    }

    public static MetricSeriesInfo Counter(
        string name = "http.requests",
        AggregationTemporality temporality = AggregationTemporality.Cumulative,
        IReadOnlyList<KeyValuePair<string, object?>>? attributes = null,
        string service = "checkout") => new()
        {
            Name = name,
            Description = "Requests handled",
            Unit = "{request}",
            Kind = MetricKind.Sum,
            Temporality = temporality,
            IsMonotonic = true,
            Attributes = attributes ?? [],
            Resource = Resource(service),
            Scope = Scope(),
        };

    public static MetricSeriesInfo Gauge(string name = "queue.length", IReadOnlyList<KeyValuePair<string, object?>>? attributes = null) => new()
    {
        Name = name,
        Unit = "{item}",
        Kind = MetricKind.Gauge,
        Attributes = attributes ?? [],
        Resource = Resource(),
        Scope = Scope(),
    };

    public static MetricSeriesInfo Histogram(string name = "http.duration", AggregationTemporality temporality = AggregationTemporality.Delta) => new()
    {
        Name = name,
        Unit = "ms",
        Kind = MetricKind.Histogram,
        Temporality = temporality,
        Resource = Resource(),
        Scope = Scope(),
    };

    public static MetricPoint Value(MetricSeriesInfo series, DateTimeOffset time, double value, DateTimeOffset? start = null) => new()
    {
        Series = series,
        Timestamp = time,
        StartTimestamp = start,
        Value = value,
    };

    public static MetricPoint HistogramPoint(MetricSeriesInfo series, DateTimeOffset time, long[] counts, double[]? bounds = null, DateTimeOffset? start = null) => new()
    {
        Series = series,
        Timestamp = time,
        StartTimestamp = start,
        Histogram = new HistogramData
        {
            Count = counts.Sum(),
            Sum = 100,
            ExplicitBounds = bounds ?? [10, 20, 50],
            BucketCounts = counts,
        },
    };
}
