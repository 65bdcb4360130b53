using Vigil.Model;

namespace Vigil.Storage.Tests.Support;

/// <summary>
/// Records of every kind the store holds, with every field set that a kind has: what an upgrade must keep. Times sit
/// in one hour, <see cref="Now"/> just after it, so hourly error counts and health staleness read the same every run.
/// </summary>
internal static class EveryKind
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Now = Start.AddMinutes(50);

    public static readonly string TraceId = Some.TraceId(0xC0FFEE);

    /// <summary>An attribute of every value type, nested lists included (as the store reads them back: long, double, object?[]); declared before <see cref="Batch"/>, which static initialisation order needs.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> AllValueTypes { get; } =
    [
        new("text", "acme"),
        new("flag", true),
        new("count", 42L),
        new("ratio", 0.25),
        new("whole", 3.0),
        new("nan", double.NaN),
        new("bytes", new byte[] { 1, 2, 255 }),
        new("list", new object?[] { "a", 1L, 2.5, null, new object?[] { false } }),
        new("none", null),
    ];

    public static TelemetryBatch Batch { get; } = new()
    {
        Logs = Logs(),
        Spans = Spans(),
        MetricPoints = Points(),
        HealthResults = Health(),
    };

    /// <summary>Error groups as an old store holds them, ids 1 and 2 in insertion order, newest activity first.</summary>
    public static IReadOnlyList<LegacyErrorGroup> Errors { get; } = ErrorGroups();

    private static LogEntry[] Logs() =>
    [
        Some.Log("payment declined for order 7", traceId: TraceId, attributes: AllValueTypes) with
        {
            Timestamp = Start.AddMinutes(1),
            ObservedTimestamp = Start.AddMinutes(1).AddMilliseconds(2),
            TraceFlags = 1,
            EventName = "payment.declined",
        },
        Some.Log("order 7 failed", severity: 17, service: "billing") with
        {
            Timestamp = Start.AddMinutes(2),
            ExceptionType = "System.InvalidOperationException",
            ExceptionMessage = "Order 7 not found",
            ExceptionStackTrace = "System.InvalidOperationException: Order 7 not found\n   at Shop.Orders.Find(Int32 id) in /src/Orders.cs:line 12",
            Attributes = [new("order.id", 7L)],
        },
        new LogEntry { Timestamp = Start.AddMinutes(3), SeverityNumber = 5, Body = null },
    ];

    private static SpanEntry[] Spans() =>
    [
        Some.Span(0xC0FFEE, 1, name: "POST /pay", start: Start.AddMinutes(1), duration: TimeSpan.FromMilliseconds(120)) with
        {
            TraceState = "vendor=1",
            TraceFlags = 1,
            Attributes = AllValueTypes,
        },
        Some.Span(0xC0FFEE, 2, parent: 1, name: "charge card", start: Start.AddMinutes(1).AddMilliseconds(10), duration: TimeSpan.FromMilliseconds(80), status: SpanStatusCode.Error, service: "billing") with
        {
            Kind = SpanKind.Client,
            StatusMessage = "card declined",
            Events =
            [
                new SpanEventEntry { Name = "exception", Timestamp = Start.AddMinutes(1).AddMilliseconds(50), Attributes = [new("exception.type", "CardDeclined"), new("attempt", 2L)] },
                new SpanEventEntry { Name = "retry", Timestamp = Start.AddMinutes(1).AddMilliseconds(60) },
            ],
            Links =
            [
                new SpanLinkEntry { TraceId = Some.TraceId(9), SpanId = Some.SpanId(9), TraceState = "a=b", Attributes = [new("link.kind", "follows")] },
                new SpanLinkEntry { TraceId = Some.TraceId(10), SpanId = Some.SpanId(10) },
            ],
        },
        Some.Span(0xBEEF, 3, name: "GET /health", start: Start.AddMinutes(4), duration: TimeSpan.FromMilliseconds(3)),
    ];

    private static MetricPoint[] Points()
    {
        var counter = Some.Counter(attributes: [new("route", "/pay")]);
        var delta = Some.Counter("jobs.done", AggregationTemporality.Delta) with { Description = null };
        var upDown = Some.Counter("sessions.open") with { IsMonotonic = false, Unit = null };
        var gauge = Some.Gauge(attributes: [new("queue", "mail")]);
        var histogram = Some.Histogram();
        var exponential = Some.Histogram("db.duration") with { Kind = MetricKind.ExponentialHistogram, Temporality = AggregationTemporality.Cumulative };
        var summary = Some.Histogram("gc.pause") with { Kind = MetricKind.Summary, Temporality = AggregationTemporality.Unspecified };
        var at = (int minute) => Start.AddMinutes(minute);
        return
        [
            Some.Value(counter, at(1), 10, start: Start),
            Some.Value(counter, at(2), 25, start: Start),
            Some.Value(delta, at(1), 3, start: at(0)),
            Some.Value(delta, at(2), 4, start: at(1)),
            Some.Value(upDown, at(1), 5),
            Some.Value(upDown, at(2), -2),
            Some.Value(gauge, at(1), 7.5),
            Some.HistogramPoint(histogram, at(1), [1, 2, 3, 4], start: at(0)) with
            {
                Histogram = new HistogramData { Count = 10, Sum = 123.5, Min = 1, Max = 80, ExplicitBounds = [10, 20, 50], BucketCounts = [1, 2, 3, 4] },
            },
            new MetricPoint
            {
                Series = exponential,
                Timestamp = at(2),
                StartTimestamp = Start,
                ExponentialHistogram = new ExponentialHistogramData
                {
                    Count = 9, Sum = 40, Min = 0, Max = 12, Scale = 1, ZeroCount = 1, ZeroThreshold = 0.001,
                    PositiveOffset = 2, PositiveBucketCounts = [3, 4], NegativeOffset = -1, NegativeBucketCounts = [1],
                },
            },
            new MetricPoint
            {
                Series = summary,
                Timestamp = at(2),
                Summary = new SummaryData { Count = 4, Sum = 10, Quantiles = [new SummaryQuantile(0.5, 2), new SummaryQuantile(0.99, double.NaN)] },
            },
        ];
    }

    private static HealthResult[] Health() =>
    [
        new HealthResult { Name = "db", Kind = HealthSourceKind.Check, ServiceName = "checkout", Status = HealthStatus.Healthy, Observed = HealthStatus.Healthy, Timestamp = Start.AddMinutes(5), Duration = TimeSpan.FromMilliseconds(4), Description = "ok", Data = [new("pool", 3L)] },
        new HealthResult { Name = "db", Kind = HealthSourceKind.Check, ServiceName = "checkout", Status = HealthStatus.Degraded, Observed = HealthStatus.Degraded, Timestamp = Start.AddMinutes(6), Duration = TimeSpan.FromMilliseconds(9), Description = "slow", Interval = TimeSpan.FromMinutes(1) },
        new HealthResult { Name = "api", Kind = HealthSourceKind.Probe, ServiceName = null, Status = HealthStatus.Unhealthy, Observed = HealthStatus.Unhealthy, Timestamp = Start.AddMinutes(7), Duration = TimeSpan.FromSeconds(2), Description = "connection refused", Interval = TimeSpan.FromHours(1) },
    ];

    private static LegacyErrorGroup[] ErrorGroups()
    {
        const string Stack = "System.InvalidOperationException: Order 7 not found\n   at Shop.Orders.Find(Int32 id) in /src/Orders.cs:line 12";
        var resolved = new ErrorGroup
        {
            Id = 1,
            Fingerprint = "5f0c2e9a41d3b7e8",
            GroupingVersion = 1,
            Method = FingerprintMethod.StackTrace,
            Type = "System.InvalidOperationException",
            Message = "Order <n> not found",
            Culprit = "Shop.Orders.Find",
            StackTrace = Stack,
            FirstSeen = Start.AddMinutes(2),
            LastSeen = Start.AddMinutes(8),
            Count = 2,
            Services = ["billing", "checkout"],
            Releases = ["1.0.0", "1.1.0"],
            Severity = ErrorSeverity.High,
            BaseSeverity = ErrorSeverity.High,
            Status = ErrorGroupStatus.Resolved,
            StatusChanged = Start.AddMinutes(9),
            ResolvedInNextRelease = true,
        };
        var ignored = new ErrorGroup
        {
            Id = 2,
            Fingerprint = "0a9b8c7d6e5f4a3b",
            GroupingVersion = 1,
            Method = FingerprintMethod.Message,
            Type = "TimeoutError",
            Message = "upstream timed out",
            FirstSeen = Start.AddMinutes(3),
            LastSeen = Start.AddMinutes(3),
            Count = 1,
            Services = ["gateway"],
            Severity = ErrorSeverity.Low,
            BaseSeverity = ErrorSeverity.Low,
            Status = ErrorGroupStatus.Ignored,
            StatusChanged = Start.AddMinutes(4),
            IsRegression = true,
            IgnoredUntil = Start.AddDays(7),
            IgnoredUntilCount = 100,
        };
        return
        [
            new(resolved,
            [
                new ErrorEvent { Id = 1, GroupId = 1, Timestamp = Start.AddMinutes(2), Source = ErrorEventSource.Log, ServiceName = "billing", Release = "1.0.0", Type = resolved.Type, Message = "Order 7 not found", StackTrace = Stack },
                new ErrorEvent { Id = 2, GroupId = 1, Timestamp = Start.AddMinutes(8), Source = ErrorEventSource.SpanEvent, TraceId = TraceId, SpanId = Some.SpanId(2), ServiceName = "checkout", Release = "1.1.0", Type = resolved.Type, Message = "Order 8 not found", StackTrace = Stack },
            ],
            "7f3e"),
            new(ignored, [new ErrorEvent { Id = 3, GroupId = 2, Timestamp = Start.AddMinutes(3), Source = ErrorEventSource.Log, ServiceName = "gateway", Type = "TimeoutError", Message = "upstream timed out" }]),
        ];
    }
}
