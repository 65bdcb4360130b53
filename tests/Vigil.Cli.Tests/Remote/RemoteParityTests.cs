using System.Text.RegularExpressions;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Remote;

/// <summary>Each command, run against a store file and against a server over that same file, prints the same bytes.</summary>
public sealed class RemoteParityTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset s_t0 = CliHarness.Now.AddMinutes(-10);

    private readonly TempStore _store = new();
    private LoopbackServer? _server;

    public static TheoryData<string> CommandLines { get; } = new()
    {
        "logs",
        "logs --json",
        "logs --level warn --service orders",
        "logs --grep declined --limit 1",
        "logs --where tenant=acme",
        "logs --trace " + Some.TraceId,
        "logs --since 3m --until 1m --time local",
        "logs --patterns",
        "logs --patterns --json --service orders",
        "traces",
        "traces --json",
        "traces --errors --min-duration 100ms",
        "traces --root 'POST /orders'",
        "traces --service billing --since 1h --limit 1",
        "traces " + Some.TraceId,
        "traces " + Some.TraceId + " --json",
        "traces " + Some.OtherTraceId.Replace('0', 'f'),
        "metrics",
        "metrics --json",
        "metrics --format csv",
        "metrics --format prometheus",
        "metrics --format influx --filter orders.*",
        "metrics --filter *.length",
        "metrics orders.placed --since 15m --step 1m",
        "metrics orders.placed --since 15m --step 1m --format prometheus",
        "metrics orders.placed --since 15m --by tenant --format csv",
        "metrics queue.length --since 15m --where queue=mail --json",
        "metrics http.request.duration --since 15m --step 5m",
        "metrics http.request.duration --since 15m --service orders --json",
        "metrics no.such.metric",
        "errors",
        "errors --json",
        "errors --status all --severity high",
        "errors --service billing --since 1h",
        "errors --status all --limit 1",
        "errors show 1",
        "errors show 2 --json --hours 3 --events 1",
        "errors show 99",
        "health",
        "health --json",
        "health --kind probe",
        "health --service orders --kind check",
        "health --stale-after 90s",
        "health --stale-after 90s --json",
        "health --stale-after 9999w --json",
    };

    public async Task InitializeAsync()
    {
        await _store.WriteAsync(new TelemetryBatch
        {
            Logs =
            [
                Some.Log("order placed", CliHarness.Now.AddMinutes(-4), attributes: [new("tenant", "acme"), new("amount", 12.5), new("items", 3L), new("paid", true), new("tags", new object?[] { "a", 1L })]),
                Some.Log("payment declined", CliHarness.Now.AddMinutes(-2), severity: 17, traceId: Some.TraceId, attributes: [new("tenant", "acme")]),
                Some.Log("invoice sent", CliHarness.Now.AddMinutes(-1), service: "billing"),
                Some.Log("order 42 has no lines", CliHarness.Now.AddMinutes(-3), severity: 17, traceId: Some.TraceId) with
                {
                    ExceptionType = "System.InvalidOperationException",
                    ExceptionMessage = "order 42 has no lines",
                    ExceptionStackTrace = "System.InvalidOperationException: order 42 has no lines\n   at Shop.Orders.OrderService.PlaceAsync(Order order) in /src/OrderService.cs:line 31",
                },
                Some.Log("Timeout expired", CliHarness.Now.AddMinutes(-2), severity: 17, service: "billing") with
                {
                    ExceptionType = "Microsoft.Data.SqlClient.SqlException",
                    ExceptionMessage = "Timeout expired",
                    ExceptionStackTrace = "Microsoft.Data.SqlClient.SqlException: Timeout expired\n   at Shop.Billing.InvoiceRepository.Load(Int32 id) in /src/InvoiceRepository.cs:line 77",
                },
                Some.Log("database is slow", CliHarness.Now.AddMinutes(-2)) with
                {
                    EventName = HealthLogRecord.EventName,
                    Attributes = [new(HealthLogRecord.Name, "database"), new(HealthLogRecord.Status, "degraded"), new(HealthLogRecord.DurationMilliseconds, 812.5)],
                },
            ],
            HealthResults =
            [
                new HealthResult
                {
                    Name = "shop-home",
                    Kind = HealthSourceKind.Probe,
                    ServiceName = "vigil",
                    Status = HealthStatus.Healthy,
                    Observed = HealthStatus.Healthy,
                    Timestamp = CliHarness.Now.AddMinutes(-1),
                    Duration = TimeSpan.FromMilliseconds(40),
                    Interval = TimeSpan.FromSeconds(30),
                },
                // Last healthy, but silent for 3 of its intervals and more: stale, so vigil health exits 2 either way.
                new HealthResult
                {
                    Name = "shop-api",
                    Kind = HealthSourceKind.Probe,
                    ServiceName = "vigil",
                    Status = HealthStatus.Healthy,
                    Observed = HealthStatus.Healthy,
                    Timestamp = CliHarness.Now.AddMinutes(-5),
                    Duration = TimeSpan.FromMilliseconds(25),
                    Interval = TimeSpan.FromMinutes(1),
                },
            ],
            Spans =
            [
                Some.Span("POST /orders", "00f067aa0ba902b7", null, s_t0, TimeSpan.FromMilliseconds(240)),
                Some.Span("charge card", "00f067aa0ba902b8", "00f067aa0ba902b7", s_t0.AddMilliseconds(20), TimeSpan.FromMilliseconds(180), status: SpanStatusCode.Error),
                Some.Span("send invoice", "00f067aa0ba902b9", null, s_t0.AddMinutes(1), TimeSpan.FromMilliseconds(40), traceId: Some.OtherTraceId, service: "billing"),
            ],
            MetricPoints =
            [
                Some.Counter("orders.placed", 0, s_t0.AddSeconds(10), attributes: [new("tenant", "acme")]),
                Some.Counter("orders.placed", 60, s_t0.AddSeconds(70), attributes: [new("tenant", "acme")]),
                Some.Counter("orders.placed", 5, s_t0.AddSeconds(70), attributes: [new("tenant", "globex")]),
                Some.Gauge("queue.length", 4, s_t0.AddSeconds(10), attributes: [new("queue", "mail")]),
                Some.Gauge("queue.length", 7, s_t0.AddSeconds(20), attributes: [new("queue", "sms")]),
                // With exemplars: the table ends with the ones that name a span, over the API as from the file.
                Some.Histogram("http.request.duration", 10, [0, 10, 0, 0], s_t0.AddSeconds(10), new KeyValuePair<string, object?>("http.route", "/orders")) with
                {
                    Exemplars =
                    [
                        new MetricExemplar { Timestamp = s_t0.AddSeconds(5), Value = 0.24, TraceId = Some.TraceId, SpanId = "00f067aa0ba902b7" },
                        new MetricExemplar { Timestamp = s_t0.AddSeconds(6), Value = 0.5 },
                    ],
                },
            ],
        });
        _server = await LoopbackServer.StartAsync(_store.Path, clock: new CliHarness().Clock);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    // xunit calls this after DisposeAsync, once the server has let go of the file.
    public void Dispose() => _store.Dispose();

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task Run_StoreFileOrServer_SameOutput(string commandLine)
    {
        // Words split at spaces, as a shell would; a 'quoted' one keeps its spaces.
        var args = Regex.Matches(commandLine, "'[^']*'|\\S+").Select(m => m.Value.Trim('\'')).ToArray();
        var cli = new CliHarness();

        var local = await cli.RunAsync([.. args, "--store", _store.Path]).WaitAsync(TimeSpan.FromSeconds(30));
        var remote = await cli.RunAsync([.. args, "--server", _server!.Url]).WaitAsync(TimeSpan.FromSeconds(30));

        // Each line either prints data or is one of the "not found" lines (exit code 3); vigil health exits with the worst status.
        var printed = commandLine.StartsWith("health", StringComparison.Ordinal) ? local.ExitCode is 0 or 1 or 2 : local.ExitCode == 0;
        Assert.True(local.ExitCode == 3 || (printed && local.Stdout.Length > 0), $"{local.ExitCode}: {local.Stderr}");
        Assert.Equal(local.ExitCode, remote.ExitCode);
        Assert.Equal(local.Stdout, remote.Stdout);
        Assert.Equal(local.Stderr, remote.Stderr);
    }

    [Fact]
    public async Task Run_GrepWithoutLetterOrDigit_RefusedTheSameWayFromStoreFileAndServer()
    {
        // Arrange
        var cli = new CliHarness();
        const string Refusal = "the search text '!!!' has no letter or digit, so no index can serve it and it would read every log record; search for a word, or add a trace or where filter";

        // Act
        var local = await cli.RunAsync("logs", "--grep", "!!!", "--store", _store.Path).WaitAsync(TimeSpan.FromSeconds(30));
        var remote = await cli.RunAsync("logs", "--grep", "!!!", "--server", _server!.Url).WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(1, local.ExitCode);
        Assert.Equal(1, remote.ExitCode);
        Assert.Equal($"vigil: {Refusal}", local.Stderr.TrimEnd());
        Assert.EndsWith(Refusal, remote.Stderr.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SampleIsNotEmpty_SoParityMeansSomething()
    {
        var run = await new CliHarness().RunAsync("logs", "--server", _server!.Url).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("payment declined", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ErrorsAndHealthSample_IsNotEmpty_SoParityMeansSomething()
    {
        var cli = new CliHarness();

        var show = await cli.RunAsync("errors", "show", "1", "--server", _server!.Url).WaitAsync(TimeSpan.FromSeconds(30));
        var health = await cli.RunAsync("health", "--server", _server.Url).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("InvalidOperationException", show.Stdout, StringComparison.Ordinal);
        Assert.Contains(Some.TraceId, show.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, health.ExitCode);
        Assert.Contains("shop-home", health.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"shop-api\s+stale\s.*no result for 5m \(last: healthy\)", health.Stdout);
    }

    [Fact]
    public async Task Run_ServerFromEnvironment_ReadsTheServer()
    {
        var cli = new CliHarness();
        cli.Environment["VIGIL_SERVER"] = _server!.Url;
        cli.Environment["VIGIL_STORE"] = "/nonexistent/vigil.db";

        var run = await cli.RunAsync("traces").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("POST /orders", run.Stdout, StringComparison.Ordinal);
    }
}
