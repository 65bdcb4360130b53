using Vigil.Model;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>Records around the real clock (the dashboard asks for "the last hour" of the server's now).</summary>
internal static class Some
{
    public static TelemetryResource Service(string name) => new() { Attributes = [new(TelemetryResource.ServiceNameKey, name)] };

    public static LogEntry Log(string body, DateTimeOffset at, string service = "orders", int severity = 9, string? traceId = null, params KeyValuePair<string, object?>[] attributes) => new()
    {
        Timestamp = at,
        SeverityNumber = severity,
        SeverityText = severity >= 17 ? "Error" : severity >= 13 ? "Warning" : "Information",
        Body = body,
        TraceId = traceId,
        SpanId = traceId is null ? null : "00f067aa0ba902b7",
        Attributes = attributes,
        Resource = Service(service),
    };

    public static SpanEntry Span(string traceId, string spanId, string? parent, string name, string service, DateTimeOffset start, TimeSpan duration, SpanStatusCode status = SpanStatusCode.Unset) => new()
    {
        TraceId = traceId,
        SpanId = spanId,
        ParentSpanId = parent,
        Name = name,
        Kind = parent is null ? SpanKind.Server : SpanKind.Internal,
        StartTime = start,
        EndTime = start + duration,
        StatusCode = status,
        Resource = Service(service),
    };

    /// <summary>A 32-hex-digit trace id from a number.</summary>
    public static string TraceId(int n) => n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A 16-hex-digit span id from a number.</summary>
    public static string SpanId(int n) => n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public static LogEntry ExceptionLog(string type, string message, DateTimeOffset at, string service = "orders") => new()
    {
        Timestamp = at,
        SeverityNumber = 17,
        SeverityText = "Error",
        Body = message,
        ExceptionType = type,
        ExceptionMessage = message,
        ExceptionStackTrace = $"{type}: {message}\n   at Shop.Orders.OrderService.PlaceAsync(Order order) in /src/Shop/Orders/OrderService.cs:line 31",
        Resource = new() { Attributes = [new(TelemetryResource.ServiceNameKey, service), new("service.version", "1.0.0")] },
    };

    /// <summary>A cumulative counter's points: every 10 s over the last 5 minutes, one series per route, each rising at its own rate.</summary>
    public static IReadOnlyList<MetricPoint> CounterPoints(string name, string service, IReadOnlyList<string> routes, DateTimeOffset now) =>
    [
        .. routes.SelectMany((route, r) => Enumerable.Range(0, 30).Select(i => new MetricPoint
        {
            Series = new MetricSeriesInfo
            {
                Name = name,
                Unit = "{request}",
                Kind = MetricKind.Sum,
                Temporality = AggregationTemporality.Cumulative,
                IsMonotonic = true,
                Attributes = [new("http.route", route), new("http.request.method", "GET")],
                Resource = Service(service),
            },
            StartTimestamp = now.AddMinutes(-6),
            Timestamp = now.AddSeconds(-300 + (10 * i)),
            Value = (r + 1) * 10.0 * i,
        })),
    ];

    /// <summary>A gauge: one series, a point a minute over the last 5 minutes.</summary>
    public static IReadOnlyList<MetricPoint> GaugePoints(string name, string service, DateTimeOffset now) =>
    [
        .. Enumerable.Range(0, 5).Select(i => new MetricPoint
        {
            Series = new MetricSeriesInfo { Name = name, Unit = "{item}", Kind = MetricKind.Gauge, Resource = Service(service) },
            Timestamp = now.AddMinutes(-5 + i),
            Value = 3 + i,
        }),
    ];
}
