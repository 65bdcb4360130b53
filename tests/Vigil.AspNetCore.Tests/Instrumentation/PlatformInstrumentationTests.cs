using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.AspNetCore.Tests.Instrumentation;

/// <summary>
/// AddVigil alone records what ASP.NET Core, HttpClient and the runtime report, into the real local store.
/// The platform's sources and meters are process-wide, so these tests run alone (see the collection):
/// another test's Kestrel app would otherwise add its requests to these counts.
/// </summary>
[Collection(PlatformInstrumentationRunsAlone.Name)]
public sealed class PlatformInstrumentationTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-instrumentation-").FullName;

    private string StorePath => Path.Combine(_directory, "vigil.db");

    [Fact]
    public async Task AddVigil_Defaults_RecordsRequestSpansWithRouteStatusAndErrors()
    {
        await RunAppAsync(configure: null, async client =>
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/orders/2", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync(new Uri("/orders/3", UriKind.Relative))).StatusCode);
        });

        var spans = await ServerSpansAsync();
        Assert.Equal(2, spans.Count);
        var ok = Assert.Single(spans, s => Attribute(s, "http.response.status_code") == "200");
        Assert.Equal("GET /orders/{id:int}", ok.Name);
        Assert.Equal(Model.SpanKind.Server, ok.Kind);
        Assert.Equal("/orders/{id:int}", Attribute(ok, "http.route"));
        Assert.Equal("GET", Attribute(ok, "http.request.method"));
        Assert.NotEqual(Model.SpanStatusCode.Error, ok.StatusCode);
        var failed = Assert.Single(spans, s => Attribute(s, "http.response.status_code") == "500");
        Assert.Equal(Model.SpanStatusCode.Error, failed.StatusCode);
        Assert.Equal(typeof(InvalidOperationException).FullName, Attribute(failed, "error.type"));

        // The exception's error group points at the request's trace, which is now there to open.
        await using var store = SqliteTelemetryStore.Open(StorePath);
        var group = Assert.Single(await store.QueryErrorGroupsAsync(new ErrorGroupQuery { ServiceName = ServiceName }));
        var detail = await store.GetErrorGroupAsync(group.Id, hours: 1, latestEvents: 5);
        var traceId = Assert.Single(detail!.LatestEvents.Select(e => e.TraceId).Distinct());
        Assert.Equal(failed.TraceId, traceId);
        Assert.Contains(await store.GetTraceAsync(traceId!), s => s.SpanId == failed.SpanId);
    }

    [Fact]
    public async Task AddVigil_Defaults_HttpClientSpanJoinsTheCallersTraceAndTheCalledServer()
    {
        await RunAppAsync(configure: null, async client =>
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/checkout", UriKind.Relative))).StatusCode));

        await using var store = SqliteTelemetryStore.Open(StorePath);
        var trace = Assert.Single(await store.QueryTracesAsync(new TraceQuery { ServiceName = ServiceName }));
        var spans = await store.GetTraceAsync(trace.TraceId);
        var checkout = Assert.Single(spans, s => s.Name == "GET /checkout");
        var call = Assert.Single(spans, s => s.Kind == Model.SpanKind.Client && s.ParentSpanId == checkout.SpanId);
        var order = Assert.Single(spans, s => s.Name == "GET /orders/{id:int}");
        Assert.Equal(call.SpanId, order.ParentSpanId);
        Assert.Equal("200", Attribute(call, "http.response.status_code"));
    }

    [Fact]
    public async Task AddVigil_Defaults_RequestDurationHistogramCountsEveryRequestSpan()
    {
        await RunAppAsync(configure: null, async client =>
        {
            for (var id = 0; id < 5; id++)
            {
                await client.GetAsync(new Uri($"/orders/{id}", UriKind.Relative));
            }

            await client.GetAsync(new Uri("/checkout", UriKind.Relative));
        });

        await using var store = SqliteTelemetryStore.Open(StorePath);
        var names = (await store.ListMetricsAsync()).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("http.server.request.duration", names);
        Assert.Contains("http.client.request.duration", names);
        Assert.Contains("dotnet.gc.collections", names);
        Assert.Contains("dotnet.process.cpu.time", names);

        // The second source for each histogram's count: the spans behind it. The server answered 5 orders, the
        // checkout and the checkout's own call; the clients were this test's 6 requests and the checkout's call.
        var spans = await SpansAsync();
        Assert.Equal(7, spans.Count(s => s.Kind == Model.SpanKind.Server));
        Assert.Equal(7, spans.Count(s => s.Kind == Model.SpanKind.Client));
        Assert.Equal(7, await ObservationsAsync(store, "http.server.request.duration"));
        Assert.Equal(7, await ObservationsAsync(store, "http.client.request.duration"));
    }

    [Fact]
    public async Task Instrumentation_TurnedOff_RecordsNoPlatformSpansOrMetrics()
    {
        await RunAppAsync(
            o =>
            {
                o.Instrumentation.AspNetCore = false;
                o.Instrumentation.HttpClient = false;
                o.Instrumentation.Runtime = false;
            },
            async client => await client.GetAsync(new Uri("/checkout", UriKind.Relative)));

        await using var store = SqliteTelemetryStore.Open(StorePath);
        Assert.Empty(await store.QueryTracesAsync(new TraceQuery { ServiceName = ServiceName }));
        var names = (await store.ListMetricsAsync()).Select(m => m.Name).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("http.", StringComparison.Ordinal) || n.StartsWith("dotnet.", StringComparison.Ordinal) || n.StartsWith("kestrel.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Instrumentation_OffInConfiguration_KeepsTheOthersOn()
    {
        await RunAppAsync(
            configure: null,
            async client => await client.GetAsync(new Uri("/checkout", UriKind.Relative)),
            hostSettings: new() { ["Vigil:Instrumentation:HttpClient"] = "false" });

        await using var store = SqliteTelemetryStore.Open(StorePath);
        var trace = Assert.Single(await store.QueryTracesAsync(new TraceQuery { ServiceName = ServiceName }));
        var spans = await store.GetTraceAsync(trace.TraceId);
        Assert.DoesNotContain(spans, s => s.Kind == Model.SpanKind.Client);
        Assert.Equal(2, spans.Count(s => s.Kind == Model.SpanKind.Server));
        var names = (await store.ListMetricsAsync()).Select(m => m.Name).ToList();
        Assert.Contains("http.server.request.duration", names);
        Assert.DoesNotContain("http.client.request.duration", names);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string ServiceName => "instrumented-" + Path.GetFileName(_directory);

    private static string? Attribute(SpanEntry span, string key) =>
        span.Attributes.FirstOrDefault(a => a.Key == key).Value is { } value ? TelemetryAttributes.ToFilterText(value) : null;

    private async Task<List<SpanEntry>> ServerSpansAsync() => [.. (await SpansAsync()).Where(s => s.Kind == Model.SpanKind.Server)];

    private async Task<List<SpanEntry>> SpansAsync()
    {
        await using var store = SqliteTelemetryStore.Open(StorePath);
        var spans = new List<SpanEntry>();
        foreach (var trace in await store.QueryTracesAsync(new TraceQuery { ServiceName = ServiceName, Limit = 1000 }))
        {
            spans.AddRange(await store.GetTraceAsync(trace.TraceId));
        }

        return spans;
    }

    private async Task<long> ObservationsAsync(ITelemetryStore store, string metric)
    {
        var now = DateTimeOffset.UtcNow;
        var result = await store.QueryMetricAsync(new MetricQuery
        {
            Name = metric,
            ServiceName = ServiceName,
            From = now.AddHours(-1),
            To = now.AddMinutes(1),
            Step = TimeSpan.FromHours(2),
        });
        return result.Series.SelectMany(s => s.Buckets).Sum(b => b.Count ?? 0);
    }

    /// <summary>A real Kestrel app with AddVigil writing to this test's store; stopping it flushes every sink.</summary>
    private async Task RunAppAsync(Action<VigilOptions>? configure, Func<HttpClient, Task> requests, Dictionary<string, string?>? hostSettings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = _directory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(hostSettings ?? []);
        builder.Services.AddHttpClient();
        builder.AddVigil(o =>
        {
            o.Service.Name = ServiceName;
            o.Store.Enabled = true;
            o.Store.Path = StorePath;
            o.Console.Enabled = false;
            o.File.Enabled = false;
            o.Otlp.Enabled = false;
            configure?.Invoke(o);
        });

        await using var app = builder.Build();
        app.MapGet("/orders/{id:int}", (int id) => id % 2 == 0 ? Results.Ok(new { id }) : throw new InvalidOperationException($"Order {id} has no address"));
        app.MapGet("/checkout", async (IHttpClientFactory factory, HttpContext context) =>
        {
            using var http = factory.CreateClient();
            var self = new Uri($"{context.Request.Scheme}://{context.Request.Host}/orders/2");
            using var response = await http.GetAsync(self, context.RequestAborted);
            return Results.Ok(new { order = (int)response.StatusCode });
        });

        await app.StartAsync().WaitAsync(s_timeout);
        using (var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = s_timeout })
        {
            await requests(client).WaitAsync(s_timeout);
        }

        await app.StopAsync().WaitAsync(s_timeout);
    }
}

/// <summary>Runs its tests alone: the platform's sources and meters hear every app in the process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PlatformInstrumentationRunsAlone
{
    public const string Name = "Platform instrumentation";
}
