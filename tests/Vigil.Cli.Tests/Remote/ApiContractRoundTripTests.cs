using System.Text.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Cli.Remote;
using Vigil.Model;
using Vigil.Model.Json;
using Vigil.Server.Api;

namespace Vigil.Cli.Tests.Remote;

/// <summary>
/// Model → contract (the server's <see cref="ApiMap"/>) → JSON → contract → model (the CLI's <see cref="ContractMap"/>)
/// loses nothing, for every record kind the API answers with and every attribute value type; and the contract's JSON
/// is byte for byte what the API wrote before it had a contract (the model serialised with <see cref="TelemetryJson"/>).
/// </summary>
public sealed class ApiContractRoundTripTests
{
    private static readonly bool[] s_staleness = [false, true];

    private static readonly DateTimeOffset s_at = new(2026, 11, 23, 11, 58, 0, 123, TimeSpan.Zero);

    // Every value type the store keeps, including the ones plain JSON cannot say (bytes, NaN, infinities, 2.0 as a double).
    private static readonly IReadOnlyList<KeyValuePair<string, object?>> s_everyType =
    [
        new("string", "héllo \"quoted\" <tag>"),
        new("empty", string.Empty),
        new("long", long.MinValue),
        new("double", 12.5),
        new("whole.double", 2.0),
        new("nan", double.NaN),
        new("infinity", double.PositiveInfinity),
        new("minus.infinity", double.NegativeInfinity),
        new("true", true),
        new("false", false),
        new("bytes", new byte[] { 0, 1, 254, 255 }),
        new("array", new object?[] { "a", 1L, 1.5, true, null, new byte[] { 7 } }),
        new("null", null),
    ];

    private static readonly TelemetryResource s_resource = new()
    {
        Attributes = [new(TelemetryResource.ServiceNameKey, "orders"), .. s_everyType],
        SchemaUrl = "https://opentelemetry.io/schemas/1.26.0",
    };

    private static readonly InstrumentationScopeInfo s_scope = new() { Name = "Shop.Orders", Version = "1.2.3", Attributes = s_everyType };

    [Fact]
    public void LogRecord_RoundTrip_Lossless()
    {
        var log = new LogEntry
        {
            Sequence = 1043,
            Timestamp = s_at,
            ObservedTimestamp = s_at.AddMilliseconds(5),
            SeverityNumber = 17,
            SeverityText = "Error",
            Body = "payment declined",
            Attributes = s_everyType,
            TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
            SpanId = "00f067aa0ba902b7",
            TraceFlags = 1,
            EventName = "payment.declined",
            ExceptionType = "System.InvalidOperationException",
            ExceptionMessage = "declined",
            ExceptionStackTrace = "   at Shop.Pay()",
            Scope = s_scope,
            Resource = s_resource,
        };

        AssertRoundTrip([log], l => l.ToApi(), ApiJson.TypeInfo<ApiLogRecord>(), r => r.ToModel());
    }

    [Fact]
    public void Span_RoundTrip_Lossless()
    {
        var span = new SpanEntry
        {
            TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
            SpanId = "00f067aa0ba902b7",
            ParentSpanId = "53995c3f42cd8ad8",
            TraceState = "vendor=1",
            TraceFlags = 1,
            Name = "POST /orders",
            Kind = SpanKind.Server,
            StartTime = s_at,
            EndTime = s_at.AddTicks(2_400_001),
            StatusCode = SpanStatusCode.Error,
            StatusMessage = "boom",
            Attributes = s_everyType,
            Events = [new SpanEventEntry { Name = "exception", Timestamp = s_at.AddMilliseconds(1), Attributes = s_everyType }],
            Links = [new SpanLinkEntry { TraceId = "0af7651916cd43dd8448eb211c80319c", SpanId = "b7ad6b7169203331", TraceState = "x=y", Attributes = s_everyType }],
            Scope = s_scope,
            Resource = s_resource,
        };

        // Every kind and status spelling, not only one.
        AssertRoundTrip(
            [.. Enum.GetValues<SpanKind>().Zip(Enum.GetValues<SpanStatusCode>().Concat(Enum.GetValues<SpanStatusCode>()), (k, s) => span with { Kind = k, StatusCode = s })],
            s => s.ToApi(),
            ApiJson.TypeInfo<ApiSpan>(),
            s => s.ToModel());
    }

    [Fact]
    public void TraceSummary_RoundTrip_Lossless()
    {
        var trace = new TraceSummary { TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", RootSpanName = "GET /", ServiceName = "web", SpanCount = 7, StartTime = s_at, Duration = TimeSpan.FromTicks(12_345_678), HasError = true };

        AssertRoundTrip([trace, new TraceSummary()], t => t.ToApi(), ApiJson.TypeInfo<ApiTraceSummary>(), t => t.ToModel());
    }

    [Fact]
    public void MetricSummary_RoundTrip_Lossless()
    {
        AssertRoundTrip(
            [.. Enum.GetValues<MetricKind>().Select(kind => new MetricSummary { Name = "http.requests", Kind = kind, Unit = "{request}", Description = "Requests", SeriesCount = 3, Reading = double.NaN, ReadingKind = MetricReading.Rate, LatestValue = 2.0, LatestTime = s_at })],
            m => m.ToApi(),
            ApiJson.TypeInfo<ApiMetricSummary>(),
            m => m.ToModel());
    }

    [Fact]
    public void MetricQueryResult_RoundTrip_Lossless()
    {
        var result = new MetricQueryResult
        {
            Name = "http.duration",
            Kind = MetricKind.Histogram,
            Unit = "ms",
            Step = TimeSpan.FromSeconds(90),
            Series =
            [
                new MetricResultSeries
                {
                    Labels = new Dictionary<string, string> { ["route"] = "/orders" },
                    Buckets =
                    [
                        new MetricBucket { Time = s_at, Increase = 1.5, Rate = double.PositiveInfinity, Last = double.NaN, Average = 2.0, Count = 4, Sum = 10, BucketBounds = [5, 10, double.PositiveInfinity], BucketCounts = [1, 2, 1], P50 = 5, P95 = 9.5, P99 = 10 },
                        new MetricBucket { Time = s_at.AddSeconds(90) },
                    ],
                },
            ],
        };

        AssertRoundTrip([result, new MetricQueryResult { Name = "unknown" }], r => r.ToApi(), ApiJson.TypeInfo<ApiMetricQueryResult>(), r => r.ToModel());
    }

    [Fact]
    public void MetricPoint_RoundTrip_Lossless()
    {
        // Arrange: every kind of data, with the values plain JSON numbers cannot hold.
        var series = new MetricSeriesInfo
        {
            Name = "http.duration", Description = "Request time", Unit = "ms", Kind = MetricKind.Histogram, Temporality = AggregationTemporality.Cumulative,
            IsMonotonic = false, Attributes = [new("route", "/orders"), new("retries", 2L), new("ok", true)],
            Scope = new InstrumentationScopeInfo { Name = "Shop", Version = "1.2" }, Resource = new TelemetryResource { Attributes = [new("service.name", "orders")], SchemaUrl = "https://opentelemetry.io/schemas/1.26.0" },
        };
        MetricPoint[] points =
        [
            new() { Series = series, Timestamp = s_at, StartTimestamp = s_at.AddHours(-1), Histogram = new HistogramData { Count = 6, Sum = 61.5, Min = 0.5, Max = double.PositiveInfinity, ExplicitBounds = [5, 10], BucketCounts = [1, 2, 3] } },
            new() { Series = series with { Kind = MetricKind.ExponentialHistogram }, Timestamp = s_at, ExponentialHistogram = new ExponentialHistogramData { Count = 4, Sum = 9, Scale = -2, ZeroCount = 1, ZeroThreshold = 1e-9, PositiveOffset = 3, PositiveBucketCounts = [1, 1], NegativeOffset = -4, NegativeBucketCounts = [1] } },
            new() { Series = series with { Kind = MetricKind.Summary, Temporality = AggregationTemporality.Unspecified }, Timestamp = s_at, Summary = new SummaryData { Count = 3, Sum = 7, Quantiles = [new(0.5, double.NaN), new(0.99, 4)] } },
            new() { Series = series with { Kind = MetricKind.Sum, IsMonotonic = true, Temporality = AggregationTemporality.Delta }, Timestamp = s_at, Value = double.NegativeInfinity },
            new(),
        ];

        foreach (var original in points)
        {
            // Act
            var wire = JsonSerializer.Serialize(original.ToApi(), ApiJson.TypeInfo<ApiMetricPoint>());
            var back = JsonSerializer.Deserialize(wire, ApiJson.TypeInfo<ApiMetricPoint>())!.ToModel();

            // Assert: the model comes back field for field (its own JSON compares the lists).
            Assert.Equal(JsonSerializer.Serialize(original, TelemetryJson.Options), JsonSerializer.Serialize(back, TelemetryJson.Options));
        }
    }

    [Fact]
    public void ErrorGroupDetail_RoundTrip_Lossless()
    {
        var detail = new ErrorGroupDetail
        {
            Group = Group(ErrorGroupStatus.Ignored, ErrorSeverity.Critical, FingerprintMethod.StackTrace),
            HourlyCounts = [new ErrorHourlyCount(ErrorHour.Start(s_at), 2)],
            LatestEvents =
            [.. Enum.GetValues<ErrorEventSource>().Select(source => new ErrorEvent
            {
                Id = 31, GroupId = 12, Timestamp = s_at, Source = source, TraceId = "4bf92f3577b34da6a3ce929d0e0e4736", SpanId = "00f067aa0ba902b7",
                ServiceName = "orders", Release = "1.1.0", Type = "System.InvalidOperationException", Message = "order 7 has no lines", StackTrace = "   at X()",
            })],
        };

        AssertRoundTrip([detail], d => d.ToApi(), ApiJson.TypeInfo<ApiErrorGroupDetail>(), d => d.ToModel());
    }

    [Fact]
    public void ErrorGroup_EveryStatusSeverityAndMethod_RoundTripLossless()
    {
        var groups = Enum.GetValues<ErrorGroupStatus>().SelectMany(status => Enum.GetValues<ErrorSeverity>().SelectMany(severity =>
            Enum.GetValues<FingerprintMethod>().Select(method => Group(status, severity, method))));

        AssertRoundTrip([.. groups, new ErrorGroup()], g => g.ToApi(), ApiJson.TypeInfo<ApiErrorGroup>(), g => g.ToModel());
    }

    [Fact]
    public void HealthState_EveryStatusAndKind_RoundTripLossless()
    {
        var states = Enum.GetValues<HealthStatus>().SelectMany(status => Enum.GetValues<HealthSourceKind>().SelectMany(kind => s_staleness.Select(stale => new HealthState
        {
            Latest = new HealthResult
            {
                Name = "database", Kind = kind, ServiceName = "orders", Status = status, Observed = HealthStatus.Unhealthy, Timestamp = s_at,
                Duration = TimeSpan.FromTicks(1_234_567), Interval = stale ? TimeSpan.FromSeconds(10) : null, Description = "slow", Data = s_everyType,
            },
            Since = s_at.AddMinutes(-5),
            IsStale = stale,
        })));

        AssertRoundTrip([.. states], s => s.ToApi(), ApiJson.TypeInfo<ApiHealthState>(), s => s.ToModel());
    }

    [Fact]
    public void StatusChange_Serialized_IsTheDocumentedBody()
    {
        var change = new ErrorStatusChange { Status = ErrorGroupStatus.Ignored, IgnoreForEvents = 100, IgnoreUntil = s_at };

        var json = JsonSerializer.Serialize(change.ToApi(), ApiJson.TypeInfo<ApiErrorStatusChange>());

        Assert.Equal("""{"status":"ignored","inNextRelease":false,"ignoreForEvents":100,"ignoreUntil":"2026-11-23T11:58:00.123+00:00"}""", json);
    }

    private static ErrorGroup Group(ErrorGroupStatus status, ErrorSeverity severity, FingerprintMethod method) => new()
    {
        Id = 12, Fingerprint = "9c1d", GroupingVersion = 1, Method = method, Type = "System.InvalidOperationException", Message = "order 42 has no lines",
        Culprit = "Shop.Orders.OrderService.PlaceAsync", StackTrace = "   at X()", FirstSeen = s_at.AddHours(-1), LastSeen = s_at, Count = 2,
        Services = ["orders"], Releases = ["1.0.0", "1.1.0"], Severity = severity, BaseSeverity = ErrorSeverity.Medium, SeverityRaised = true,
        Status = status, StatusChanged = s_at, IsRegression = true, ResolvedInNextRelease = true, IgnoredUntil = s_at.AddDays(1), IgnoredUntilCount = 50,
    };

    private static void AssertRoundTrip<TModel, TContract>(
        IReadOnlyList<TModel> originals, Func<TModel, TContract> toContract, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TContract> type, Func<TContract, TModel> toModel)
    {
        Assert.NotEmpty(originals);
        foreach (var original in originals)
        {
            // Act
            var wire = JsonSerializer.Serialize(toContract(original), type);
            var back = toModel(JsonSerializer.Deserialize(wire, type)!);

            // Assert: the wire is what the API wrote before the contract, and the model comes back field for field
            // (records compare lists by reference, so the model's own JSON is the comparison).
            var before = JsonSerializer.Serialize(original, TelemetryJson.Options);
            Assert.Equal(before, wire);
            Assert.Equal(before, JsonSerializer.Serialize(back, TelemetryJson.Options));
        }
    }
}
