using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Cli.Commands.Demo;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Demo;

/// <summary>
/// Runs <c>vigil demo</c> in-process with free ports and a temp store, then reads the store: what is
/// there went through the real SDK, its OTLP/gRPC exporter and the server's ingest path.
/// </summary>
[Collection(DemoRunsInSequence.Name)]
public sealed partial class DemoCommandTests : IClassFixture<DemoRunFixture>
{
    private readonly DemoRunFixture _demo;

    public DemoCommandTests(DemoRunFixture demo) => _demo = demo;

    [Fact]
    public void Demo_WithDuration_StopsByItselfAndExitsZero()
    {
        Assert.Equal(0, _demo.Run.ExitCode);
        Assert.Contains("vigil demo: stopped.", _demo.Run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Output_NamesTheChosenPortsAndTheCommandsToType()
    {
        var stdout = _demo.Run.Stdout;
        foreach (var listener in new[] { "OTLP/gRPC", "OTLP/HTTP", "query" })
        {
            var match = Regex.Match(stdout, Regex.Escape(listener) + @"\s+http://127\.0\.0\.1:(\d+)");
            Assert.True(match.Success, $"no {listener} line in:\n{stdout}");
            Assert.NotEqual(0, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        Assert.Contains($"vigil logs --since 5m --store {_demo.Store.Path}", stdout, StringComparison.Ordinal);
        Assert.Contains($"vigil traces --errors --store {_demo.Store.Path}", stdout, StringComparison.Ordinal);
        Assert.Contains($"vigil metrics --store {_demo.Store.Path}", stdout, StringComparison.Ordinal);
        Assert.Contains($"vigil errors --store {_demo.Store.Path}", stdout, StringComparison.Ordinal);
        Assert.Contains($"vigil health --store {_demo.Store.Path}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_HealthChecks_ReachTheServerAsTheShopsCurrentState()
    {
        var states = await _demo.ReadAsync(store => store.QueryHealthAsync(new HealthQuery { ServiceName = DemoCommand.ServiceName }));

        Assert.Equal(["inventory", "payment-gateway"], states.Select(s => s.Latest.Name).Order());
        Assert.All(states, s => Assert.Equal(HealthSourceKind.Check, s.Latest.Kind));
        Assert.Contains(states, s => s.Latest.Description?.Contains("payments declined since the last check", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Demo_Logs_EveryLevelWithStructuredPropertiesAndAnException()
    {
        var logs = await _demo.ReadAsync(store => store.QueryLogsAsync(new LogQuery { ServiceName = DemoCommand.ServiceName, Limit = 100_000 }));

        // OTLP severity numbers: Trace 1, Debug 5, Info 9, Warn 13, Error 17, Fatal (Critical) 21.
        var severities = logs.Select(l => l.SeverityNumber).ToHashSet();
        Assert.Superset(new HashSet<int> { 1, 5, 9, 13, 17, 21 }, severities);
        Assert.Contains(logs, l => l.SeverityNumber == 9 && l.Attributes.Any(a => a.Key == "OrderId"));
        var failures = logs.Where(l => l.SeverityNumber == 17 && l.ExceptionType is not null).ToList();
        Assert.NotEmpty(failures);
        var failure = failures[0];
        Assert.Contains(nameof(DemoPaymentDeclinedException), failure.ExceptionType, StringComparison.Ordinal);

        // The Error log is correlated with the failed tracked operation's span.
        var trace = await _demo.ReadAsync(store => store.GetTraceAsync(failure.TraceId!));
        var operation = Assert.Single(trace, s => s.SpanId == failure.SpanId);
        Assert.Equal("checkout", operation.Name);
        Assert.Equal(SpanStatusCode.Error, operation.StatusCode);
    }

    [Fact]
    public async Task Demo_Traces_NestedSpansAndFailedCheckouts()
    {
        var errors = await _demo.ReadAsync(store => store.QueryTracesAsync(new TraceQuery { ServiceName = DemoCommand.ServiceName, ErrorsOnly = true }));
        Assert.NotEmpty(errors);
        var failed = errors[0];
        Assert.Equal("POST /api/checkout", failed.RootSpanName);

        var spans = await _demo.ReadAsync(store => store.GetTraceAsync(failed.TraceId));
        var byName = spans.ToDictionary(s => s.Name);
        var root = byName["POST /api/checkout"];
        Assert.True(string.IsNullOrEmpty(root.ParentSpanId));
        Assert.Equal(SpanKind.Server, root.Kind);
        Assert.Equal(SpanStatusCode.Error, root.StatusCode);
        Assert.Equal(root.SpanId, byName["checkout"].ParentSpanId);
        Assert.Equal(SpanStatusCode.Error, byName["checkout"].StatusCode);
        Assert.Equal(byName["checkout"].SpanId, byName["cart.load"].ParentSpanId);
        Assert.Equal(byName["cart.load"].SpanId, byName["SELECT cart_items"].ParentSpanId);
        Assert.Equal(byName["checkout"].SpanId, byName["inventory.reserve"].ParentSpanId);
        Assert.Equal(byName["inventory.reserve"].SpanId, byName["UPDATE inventory"].ParentSpanId);
        var payment = byName["payment.charge"];
        Assert.Equal(byName["checkout"].SpanId, payment.ParentSpanId);
        Assert.Equal(SpanKind.Client, payment.Kind);
        Assert.Equal(SpanStatusCode.Error, payment.StatusCode);
        Assert.Contains(payment.Attributes, a => a.Key == "error.type" && Equals(a.Value, typeof(DemoPaymentDeclinedException).FullName));
        Assert.Contains(byName["checkout"].Events, e => e.Name == "exception");
    }

    [Fact]
    public async Task Demo_DeclinedPayments_OneErrorGroupCountingEachOnce()
    {
        // Each decline is reported twice over OTLP (the failed operation's Error log and its span's exception
        // event, with stack texts taken at different moments): the store pairs them into one group.
        var declines = (await _demo.ReadAsync(store => store.QueryLogsAsync(new LogQuery { MinimumSeverity = 17, Limit = 10_000 })))
            .Count(l => l.ExceptionType is not null);
        var groups = await _demo.ReadAsync(store => store.QueryErrorGroupsAsync(new ErrorGroupQuery()));

        var group = Assert.Single(groups);
        Assert.Equal(typeof(DemoPaymentDeclinedException).FullName, group.Type);
        Assert.True(declines > 0);
        Assert.Equal(declines, group.Count);
    }

    [Fact]
    public async Task Demo_Metrics_CountersHistogramsAndGauges()
    {
        var metrics = (await _demo.ReadAsync(store => store.ListMetricsAsync())).ToDictionary(m => m.Name);

        Assert.Equal(MetricKind.Sum, metrics["shop.orders"].Kind);
        Assert.Equal(MetricKind.Sum, metrics["http.server.active_requests"].Kind);
        // Histograms without advised or configured bounds are exponential; the tracker advises its own.
        Assert.Equal(MetricKind.ExponentialHistogram, metrics["http.server.request.duration"].Kind);
        Assert.Equal(MetricKind.ExponentialHistogram, metrics["shop.order.value"].Kind);
        Assert.Equal(MetricKind.Gauge, metrics["shop.inventory.level"].Kind);
        Assert.Equal(MetricKind.Histogram, metrics["vigil.operation.duration"].Kind);
    }
}
