using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Server.Configuration;
using Vigil.Server.Hosting;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.Testing.Slo;

namespace Vigil.Server.Tests.Alerts;

/// <summary>
/// <c>GET /api/slos</c> on a real server started from a configuration file over a real store file. Every number is
/// checked against the spans written, counted over each window as it ends at the answer's <c>evaluatedAt</c>.
/// </summary>
public sealed class SlosApiTests : IAsyncLifetime, IDisposable
{
    private const string Config = """
        { "Alerts": { "DefaultRules": false, "Slos": [
          { "Name": "checkout", "Service": "shop", "Objective": 99, "Indicator": { "Kind": "spanErrors" } },
          { "Name": "idle", "Service": "nobody", "Objective": 99.5, "Window": "7d", "Indicator": { "Kind": "spanLatency", "SlowerThan": "300ms" } }
        ] } }
        """;

    private readonly TempDirectory _directory = new();
    private readonly SloSpans _spans = new();
    private VigilServerApplication _server = null!;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        // Spans well inside each default window (5 m to 30 d), so a few seconds between writing and evaluating move
        // none across an edge: 2 h ago 50 good; 20 min ago 40 good and 2 failed; 2 min ago 8 good and 1 failed.
        var now = DateTimeOffset.UtcNow;
        _spans.Add(now - TimeSpan.FromHours(2), good: 50, failed: 0);
        _spans.Add(now - TimeSpan.FromMinutes(20), good: 40, failed: 2);
        _spans.Add(now - TimeSpan.FromMinutes(2), good: 8, failed: 1);
        var path = _directory.Combine("vigil.db");
        await using (var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Writer))
        {
            await store.WriteAsync(new TelemetryBatch { Spans = [.. _spans.All] });
        }

        _directory.Write("vigil.server.json", Config);
        var file = _directory.Combine("vigil.server.json");
        _server = VigilServerApplication.Create(new VigilServerOptions
        {
            StorePath = path,
            GrpcPort = 0,
            OtlpHttpPort = 0,
            QueryPort = 0,
            Alerts = ServerConfigurationLoader.Load(file).Alerts,
            ConfigurationFile = file,
        });
        await _server.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_server.Port(VigilServerListener.Query)}") };

        // The rule engine loads the SLOs' rules in the background once the host has started.
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        while ((await ListAsync("api/slos")).Count < 2)
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _client?.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task GetSlos_ShowsAttainmentBudgetAndBurnRatesOfTheSpans()
    {
        // Act
        var slos = await ListAsync("api/slos");

        // Assert: 3 failures in 101 spans against a 1 % budget.
        Assert.Equal(["checkout", "idle"], slos.Select(s => s.Name));
        var checkout = slos[0];
        Assert.Equal(("shop", 0.99, TimeSpan.FromDays(30)), (checkout.Service, checkout.Objective, checkout.Window));
        var (good, total) = _spans.Count(checkout.EvaluatedAt, checkout.Window);
        Assert.Equal((98.0, 101.0), (good, total));
        Assert.Equal((good, total), (checkout.Good, checkout.Total));
        Assert.Equal(good / total, checkout.Attainment!.Value, 12);
        Assert.Equal(1 - ((total - good) / total / 0.01), checkout.BudgetRemaining!.Value, 9);
        Assert.Equal((total - good) / total / 0.01, checkout.BurnRate!.Value, 9);
        Assert.Equal(3, checkout.Alerts.Count);
        foreach (var alert in checkout.Alerts)
        {
            foreach (var window in new[] { alert.LongWindow, alert.ShortWindow })
            {
                var (g, t) = _spans.Count(checkout.EvaluatedAt, window.Length);
                Assert.Equal((g, t), (window.Good, window.Total));
                Assert.Equal((t - g) / t / 0.01, window.BurnRate!.Value, 9);
            }

            Assert.Equal(alert.LongWindow.BurnRate > alert.Factor && alert.ShortWindow.BurnRate > alert.Factor, alert.Active);
        }

        // 5 m: 1 of 9 failed, burn 11.1 (below 14.4); 6 h: 3 of 101 (burn 2.97, below 6); 3 d and 6 h above 1.
        Assert.Equal([false, false, true], checkout.Alerts.Select(a => a.Active));

        // No spans of "nobody": unknown, not perfect.
        var idle = slos[1];
        Assert.Equal((0.0, 0.0), (idle.Good, idle.Total));
        Assert.Null(idle.Attainment);
        Assert.Null(idle.BudgetRemaining);
        Assert.All(idle.Alerts, a => Assert.Null(a.LongWindow.BurnRate));
    }

    [Fact]
    public async Task GetSlos_ByServiceOrName_ShowsOnlyThose()
    {
        // Act
        var shop = await ListAsync("api/slos?service=shop");
        var none = await ListAsync("api/slos?service=elsewhere");
        using var one = await _client!.GetAsync(new Uri("api/slos/IDLE", UriKind.Relative));

        // Assert
        Assert.Equal("checkout", Assert.Single(shop).Name);
        Assert.Empty(none);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("idle", (await one.Content.ReadFromJsonAsync(ApiJson.TypeInfo<ApiSlo>()))!.Name);
    }

    [Fact]
    public async Task GetSlo_UnknownName_Is404ProblemNamingIt()
    {
        // Act
        using var response = await _client!.GetAsync(new Uri("api/slos/no%20such%20slo", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("no SLO is named 'no such slo'; GET /api/slos lists them", problem.Detail);
    }

    [Theory]
    [InlineData("api/slos?bogus=1", "bogus")]
    [InlineData("api/slos?service=a&service=b", "service")]
    [InlineData("api/slos/checkout?limit=5", "limit")]
    public async Task GetSlos_BadParameter_Is400NamingIt(string path, string parameter)
    {
        // Act
        using var response = await _client!.GetAsync(new Uri(path, UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, (await ProblemAsync(response)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSlos_HugeNameOrService_Is400WithoutEvaluating()
    {
        // Act
        var huge = new string('x', 5_000);
        using var name = await _client!.GetAsync(new Uri("api/slos/" + huge, UriKind.Relative));
        using var service = await _client!.GetAsync(new Uri("api/slos?service=" + huge, UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, name.StatusCode);
        Assert.Contains("name", (await ProblemAsync(name)).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, service.StatusCode);
        Assert.Contains("service", (await ProblemAsync(service)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSlos_AfterAReloadThatAddsOne_ShowsItAtOnce()
    {
        // Arrange
        _directory.Write("vigil.server.json", Config.Replace(
            "] } }",
            """, { "Name": "orders", "Service": "shop", "Objective": 95, "Indicator": { "Kind": "spanErrors" } } ] } }""",
            StringComparison.Ordinal));

        // Act
        using var reload = await _client!.PostAsync(new Uri("api/alerts/reload", UriKind.Relative), null);
        var slos = await ListAsync("api/slos");

        // Assert
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(["checkout", "idle", "orders"], slos.Select(s => s.Name));
        Assert.Equal(0.95, slos[2].Objective, 12);
    }

    private async Task<IReadOnlyList<ApiSlo>> ListAsync(string path)
    {
        using var response = await _client!.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize(body, ApiJson.TypeInfo<ApiPage<ApiSlo>>())!.Items;
    }

    private static async Task<ApiProblem> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), ApiJson.TypeInfo<ApiProblem>())!;
    }
}
