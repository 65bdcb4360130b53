using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Mcp.Tests.Support;

/// <summary>
/// The records a store is seeded with, around the real clock (the server and <c>vigil mcp</c> read the system's):
/// the tests compare every figure a tool returns with these lists, the second source behind each number.
/// </summary>
internal sealed class Seed
{
    public const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    public const string Counter = "orders.placed";

    private Seed(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; }

    public List<LogEntry> Logs { get; } = [];

    public List<SpanEntry> Spans { get; } = [];

    public List<MetricPoint> Points { get; } = [];

    public long FiringAlertId { get; private set; }

    public long ResolvedAlertId { get; private set; }

    public long ErrorGroupId { get; private set; }

    public static async Task<Seed> WriteAsync(string path)
    {
        var seed = new Seed(DateTimeOffset.UtcNow);
        seed.Build();
        var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Writer);
        await using (store.ConfigureAwait(false))
        {
            await store.WriteAsync(new TelemetryBatch { Logs = seed.Logs, Spans = seed.Spans, MetricPoints = seed.Points, HealthResults = [seed.Health()] });
            var groups = await store.QueryErrorGroupsAsync(new ErrorGroupQuery());
            seed.ErrorGroupId = Assert.Single(groups).Id;
            await seed.WriteAlertsAsync(store);
        }

        return seed;
    }

    private void Build()
    {
        // 30 orders lines (every third a warning) and 10 payments lines (every other an error), minutes apart.
        for (var i = 0; i < 30; i++)
        {
            Logs.Add(Log("orders", $"order {i} placed", i % 3 == 0 ? 13 : 9, Now.AddMinutes(-30 + i), ("order.region", i % 2 == 0 ? "eu" : "us")));
        }

        for (var i = 0; i < 10; i++)
        {
            Logs.Add(Log("payments", $"payment {i} declined by the bank", i % 2 == 0 ? 17 : 9, Now.AddMinutes(-20 + i), ("order.region", "eu")));
        }

        // One exception, three times: one error group.
        for (var i = 0; i < 3; i++)
        {
            Logs.Add(Log("payments", "charge failed", 17, Now.AddMinutes(-5 + i)) with
            {
                ExceptionType = "System.InvalidOperationException",
                ExceptionMessage = "card declined",
                ExceptionStackTrace = "System.InvalidOperationException: card declined\n   at Payments.Charge.Run() in Charge.cs:line 42\n   at Payments.Api.Post() in Api.cs:line 7",
            });
        }

        // A trace of 5 spans: the root (400 ms), two children, a slow grandchild (300 ms) and a failed one.
        var start = Now.AddMinutes(-3);
        Spans.Add(Span("GET /checkout", "a000000000000001", null, start, 400, "web"));
        Spans.Add(Span("reserve stock", "a000000000000002", "a000000000000001", start.AddMilliseconds(10), 50, "orders"));
        Spans.Add(Span("charge", "a000000000000003", "a000000000000001", start.AddMilliseconds(70), 320, "payments"));
        Spans.Add(Span("bank call", "a000000000000004", "a000000000000003", start.AddMilliseconds(80), 300, "payments"));
        Spans.Add(Span("retry", "a000000000000005", "a000000000000003", start.AddMilliseconds(385), 5, "payments") with { StatusCode = SpanStatusCode.Error, StatusMessage = "declined" });

        // A cumulative counter per route: /a rises by 10 a minute, /b by 1.
        for (var m = 0; m <= 10; m++)
        {
            Points.Add(CounterPoint("/a", 10 * m, Now.AddMinutes(-10 + m)));
            Points.Add(CounterPoint("/b", m, Now.AddMinutes(-10 + m)));
        }
    }

    private HealthResult Health() => new()
    {
        Name = "database",
        Kind = HealthSourceKind.Check,
        ServiceName = "orders",
        Status = HealthStatus.Degraded,
        Observed = HealthStatus.Degraded,
        Timestamp = Now.AddSeconds(-10),
        Duration = TimeSpan.FromMilliseconds(12),
        Description = "slow queries",
    };

    private async Task WriteAlertsAsync(IAlertStateStore alerts)
    {
        var firing = Alert("HighErrors", ("service", "payments"));
        var resolved = Alert("Unhealthy", ("check", "db"));
        var ids = await alerts.SaveAlertsAsync([firing, resolved]);
        await alerts.SaveAlertsAsync(
        [
            firing with { State = AlertState.Firing, FiredAt = Now.AddMinutes(-4), LastEvaluated = Now.AddMinutes(-1), Value = 5, Threshold = 2 },
            resolved with { State = AlertState.Firing, FiredAt = Now.AddMinutes(-25), LastEvaluated = Now.AddMinutes(-25) },
        ]);
        await alerts.SaveAlertsAsync([resolved with { State = AlertState.Resolved, FiredAt = Now.AddMinutes(-25), ResolvedAt = Now.AddMinutes(-10), LastEvaluated = Now.AddMinutes(-10) }]);
        FiringAlertId = ids[0].Id;
        ResolvedAlertId = ids[1].Id;
    }

    private AlertInstance Alert(string rule, params (string Name, string Value)[] labels) => new()
    {
        RuleName = rule,
        Labels = AlertLabels.From([new(AlertLabels.AlertName, rule), .. labels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value))]),
        State = AlertState.Pending,
        ActiveSince = Now.AddMinutes(-30),
        LastEvaluated = Now.AddMinutes(-30),
        Annotations = new Dictionary<string, string> { ["summary"] = $"{rule} is on" },
    };

    private static TelemetryResource Service(string name) => new() { Attributes = [new(TelemetryResource.ServiceNameKey, name)] };

    private static LogEntry Log(string service, string body, int severity, DateTimeOffset at, params (string Key, string Value)[] attributes) => new()
    {
        Timestamp = at,
        SeverityNumber = severity,
        SeverityText = severity switch { >= 17 => "Error", >= 13 => "Warning", _ => "Information" },
        Body = body,
        Attributes = [.. attributes.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value))],
        Resource = Service(service),
        Scope = new InstrumentationScopeInfo { Name = "Shop" },
    };

    private static SpanEntry Span(string name, string spanId, string? parent, DateTimeOffset start, int milliseconds, string service) => new()
    {
        TraceId = TraceId,
        SpanId = spanId,
        ParentSpanId = parent,
        Name = name,
        Kind = SpanKind.Internal,
        StartTime = start,
        EndTime = start.AddMilliseconds(milliseconds),
        Resource = Service(service),
    };

    private MetricPoint CounterPoint(string route, double value, DateTimeOffset at) => new()
    {
        Series = new MetricSeriesInfo
        {
            Name = Counter,
            Unit = "{order}",
            Description = "Orders placed.",
            Kind = MetricKind.Sum,
            IsMonotonic = true,
            Temporality = AggregationTemporality.Cumulative,
            Attributes = [new("http.route", route)],
            Resource = Service("orders"),
        },
        Timestamp = at,
        StartTimestamp = Now.AddHours(-1),
        Value = value,
    };
}
