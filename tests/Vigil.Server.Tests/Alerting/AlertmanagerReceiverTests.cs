using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Alerting;
using Vigil.Model;
using Vigil.Server.Api.Alertmanager;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Alerting;

/// <summary><c>POST /api/v2/alerts</c> on a real <c>vigil serve</c> (VigilServerApplication) over its real SQLite store.</summary>
public sealed class AlertmanagerReceiverTests
{
    [Fact]
    public async Task Post_PrometheusAlerts_StoredAsFiringAndResolvedInstances()
    {
        await using var server = await ServeAsync();
        var now = DateTimeOffset.UtcNow;
        var body = $$"""
            [
              {"labels": {"alertname": "HighLatency", "service": "shop", "severity": "page"},
               "annotations": {"summary": "p99 above 2s"},
               "startsAt": "{{now.AddMinutes(-5):yyyy-MM-ddTHH:mm:ss.fffZ}}",
               "endsAt": "{{now.AddMinutes(4):yyyy-MM-ddTHH:mm:ssZ}}",
               "generatorURL": "http://prometheus:9090/graph?g0.expr=up"},
              {"labels": {"alertname": "DiskFull", "instance": "db1"},
               "startsAt": "{{now.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}}",
               "endsAt": "{{now.AddMinutes(-1):yyyy-MM-ddTHH:mm:ss+00:00}}"}
            ]
            """;

        using var response = await server.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var store = server.Store;
        var firing = Assert.Single(await store.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing] }));
        Assert.Equal("HighLatency", firing.RuleName);
        Assert.Equal("{alertname=\"HighLatency\", service=\"shop\", severity=\"page\"}", firing.Labels.ToString());
        Assert.Equal("p99 above 2s", firing.Annotations["summary"]);
        Assert.Equal("http://prometheus:9090/graph?g0.expr=up", firing.Annotations["generatorURL"]);
        Assert.Equal(now.AddMinutes(-5).ToUnixTimeMilliseconds(), firing.FiredAt!.Value.ToUnixTimeMilliseconds());
        var resolved = Assert.Single(await store.QueryAlertsAsync(new AlertQuery { States = [AlertState.Resolved] }));
        Assert.Equal("DiskFull", resolved.RuleName);
        Assert.Equal(now.AddMinutes(-1).ToUnixTimeSeconds(), resolved.ResolvedAt!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Post_SameAlertAgainThenResolved_OneInstanceWithItsHistory()
    {
        await using var server = await ServeAsync();
        const string firing = """[{"labels": {"alertname": "Down", "job": "api"}, "startsAt": "2026-12-02T06:00:00Z"}]""";
        (await server.PostAsync(firing)).Dispose();
        (await server.PostAsync(firing)).Dispose();

        using var response = await server.PostAsync("""[{"labels": {"alertname": "Down", "job": "api"}, "startsAt": "2026-12-02T06:00:00Z", "endsAt": "2026-12-02T06:10:00Z"}]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var all = await server.Store.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing, AlertState.Resolved] });
        var alert = Assert.Single(all);
        Assert.Equal(AlertState.Resolved, alert.State);
        var history = await server.Store.QueryAlertHistoryAsync(new AlertHistoryQuery { AlertId = alert.Id });
        Assert.Equal([AlertState.Resolved, AlertState.Firing], history.Select(t => t.To));
    }

    [Theory]
    [InlineData("not json", "body: not JSON")]
    [InlineData("{\"labels\": {}}", "body: must be a JSON array")]
    [InlineData("[{}]", "[0].labels: required")]
    [InlineData("[{\"labels\": {\"job\": \"api\"}}]", "[0].labels.alertname: required")]
    [InlineData("[{\"labels\": {\"alertname\": \"\"}}]", "[0].labels.alertname: required")]
    [InlineData("[{\"labels\": {\"alertname\": \"A\", \"1bad\": \"x\"}}]", "[0].labels.1bad: not a label name")]
    [InlineData("[{\"labels\": {\"alertname\": 5}}]", "[0].labels.alertname: must be a string")]
    [InlineData("[{\"labels\": {\"alertname\": \"A\"}, \"startsAt\": \"yesterday\"}]", "[0].startsAt: must be an RFC 3339 time")]
    [InlineData("[{\"labels\": {\"alertname\": \"A\"}, \"endsAt\": \"2026-12-02 06:00:00\"}]", "[0].endsAt: must be an RFC 3339 time")]
    [InlineData("[{\"labels\": {\"alertname\": \"A\"}, \"startsAt\": \"2026-12-02T06:00:00Z\", \"endsAt\": \"2026-12-01T06:00:00Z\"}]", "[0].endsAt: is before startsAt")]
    [InlineData("[{\"labels\": {\"alertname\": \"A\"}}, 7]", "[1]: must be an object")]
    [InlineData("[{\"labels\": {\"alertname\": \"A\", \"deep\": {\"x\": [1]}}}]", "body: not JSON")]
    [InlineData("[{\"labels\": {\"alertname\": \"\\ud800\"}}]", "lone UTF-16 surrogate")]
    public async Task Post_HostileOrMalformed_400NamingTheField(string body, string detail)
    {
        await using var server = await ServeAsync();

        using var response = await server.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await server.Store.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing, AlertState.Resolved] }));
    }

    [Fact]
    public async Task Post_HugeBodyOrTooManyAlertsOrNotJsonType_Refused()
    {
        await using var server = await ServeAsync();
        var huge = "[" + string.Join(',', Enumerable.Repeat("{\"labels\":{\"alertname\":\"" + new string('a', 1000) + "\"}}", 1100)) + "]";
        var many = "[" + string.Join(',', Enumerable.Range(0, 1001).Select(i => $"{{\"labels\":{{\"alertname\":\"A{i}\"}}}}")) + "]";
        var longValue = "[{\"labels\":{\"alertname\":\"" + new string('v', 1025) + "\"}}]";

        using var tooLarge = await server.PostAsync(huge);
        using var tooMany = await server.PostAsync(many);
        using var tooLong = await server.PostAsync(longValue);
        using var notJson = await server.PostAsync("[]", "text/plain");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 1000", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("longer than 1024", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
    }

    [Fact]
    public async Task Post_WithApiKeyConfigured_NeedsTheBearerTokenPrometheusSends()
    {
        await using var server = await ServeAsync(apiKey: "k3y");

        using var refused = await server.PostAsync("""[{"labels": {"alertname": "A"}}]""");
        using var accepted = await server.PostAsync("""[{"labels": {"alertname": "A"}}]""", bearer: "k3y");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Post_WithANotifier_HandsTheStoredInstancesOver()
    {
        // A recording notifier: the hand-over to IAlertNotifier is the seam under test; the store is the real one.
        using var directory = new TempDirectory();
        await using var store = SqliteTelemetryStore.Open(directory.Combine("vigil.db"), TelemetryStoreOptions.Writer);
        var notifier = new RecordingNotifier();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddVigilStore(store);
        builder.Services.AddSingleton<IAlertNotifier>(notifier);
        await using var app = builder.Build();
        app.MapVigilAlertmanagerReceiver();
        await app.StartAsync().DefaultTimeout();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var content = new StringContent("""[{"labels": {"alertname": "Down", "job": "api"}}]""", Encoding.UTF8, "application/json");

        using var response = await http.PostAsync(new Uri(AlertmanagerReceiverEndpoints.Path, UriKind.Relative), content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var handed = Assert.Single(Assert.Single(notifier.Batches));
        Assert.True(handed.Id > 0);
        Assert.Equal(AlertState.Firing, handed.State);
        Assert.Equal(handed.Id, Assert.Single(await store.QueryAlertsAsync(new AlertQuery())).Id);
        await app.StopAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Expiry_AlertNotSentAgain_ResolvedAtItsEndWithHistory()
    {
        await using var server = await ServeAsync();
        var now = DateTimeOffset.UtcNow;
        var start = DateTimeOffset.FromUnixTimeSeconds(now.AddMinutes(-1).ToUnixTimeSeconds());
        var end = DateTimeOffset.FromUnixTimeSeconds(now.AddMinutes(4).ToUnixTimeSeconds());
        (await server.PostAsync($$"""[{"labels": {"alertname": "Down", "job": "api"}, "startsAt": "{{start:yyyy-MM-ddTHH:mm:ssZ}}", "endsAt": "{{end:yyyy-MM-ddTHH:mm:ssZ}}"}]""")).Dispose();
        var expiry = server.Services.GetRequiredService<ReceivedAlertExpiry>();

        var early = await expiry.ExpireAsync(end.AddSeconds(-1), CancellationToken.None);
        var stillFiring = Assert.Single(await server.Store.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing] }));
        var resolvedCount = await expiry.ExpireAsync(end.AddSeconds(30), CancellationToken.None);
        var again = await expiry.ExpireAsync(end.AddSeconds(60), CancellationToken.None);

        Assert.Equal(0, early);
        Assert.Equal(end, stillFiring.EndsAt);
        Assert.Equal(1, resolvedCount);
        Assert.Equal(0, again);
        var resolved = Assert.Single(await server.Store.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing, AlertState.Resolved] }));
        Assert.Equal((AlertState.Resolved, (DateTimeOffset?)end), (resolved.State, resolved.ResolvedAt));
        var history = await server.Store.QueryAlertHistoryAsync(new AlertHistoryQuery { AlertId = resolved.Id });
        Assert.Equal([(AlertState.Resolved, end), (AlertState.Firing, start)], history.Select(t => (t.To, t.At)));
    }

    [Fact]
    public async Task Expiry_AlertSentAgainBeforeItsEnd_KeepsFiringUntilTheNewEnd()
    {
        await using var server = await ServeAsync();
        (await server.PostAsync("""[{"labels": {"alertname": "Down", "job": "api"}, "startsAt": "2026-12-02T06:00:00Z", "endsAt": "2126-12-02T06:04:00Z"}]""")).Dispose();
        (await server.PostAsync("""[{"labels": {"alertname": "Down", "job": "api"}, "startsAt": "2026-12-02T06:00:00Z", "endsAt": "2126-12-02T06:08:00Z"}]""")).Dispose();
        var expiry = server.Services.GetRequiredService<ReceivedAlertExpiry>();

        var atFirstEnd = await expiry.ExpireAsync(DateTimeOffset.Parse("2126-12-02T06:05:00Z", System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        var afterNewEnd = await expiry.ExpireAsync(DateTimeOffset.Parse("2126-12-02T06:08:00Z", System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);

        Assert.Equal(0, atFirstEnd);
        Assert.Equal(1, afterNewEnd);
    }

    [Fact]
    public async Task Expiry_PostedWithoutEnd_EndsAfterTheResolveTimeoutUnlessSentAgain()
    {
        await using var server = await ServeAsync();
        (await server.PostAsync("""[{"labels": {"alertname": "Down", "job": "api"}}]""")).Dispose();

        var firing = Assert.Single(await server.Store.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing] }));

        // Received and its end come from the same clock reading, so the difference is exact.
        Assert.Equal(AlertmanagerReceiverEndpoints.ResolveTimeout, firing.EndsAt - firing.LastEvaluated);
        Assert.Equal(TimeSpan.FromMinutes(5), AlertmanagerReceiverEndpoints.ResolveTimeout);
    }

    [Fact]
    public async Task Expiry_TheRuleEnginesOwnAlerts_NeverExpire()
    {
        await using var server = await ServeAsync();
        var start = DateTimeOffset.UtcNow;
        await server.Store.SaveAlertsAsync([new AlertInstance
        {
            RuleName = "HighErrors",
            Labels = AlertLabels.From([new("alertname", "HighErrors")]),
            State = AlertState.Firing,
            ActiveSince = start,
            FiredAt = start,
            LastEvaluated = start,
        }]);

        var resolved = await server.Services.GetRequiredService<ReceivedAlertExpiry>().ExpireAsync(start.AddYears(10), CancellationToken.None);

        Assert.Equal(0, resolved);
        Assert.Single(await server.Store.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing] }));
    }

    [Fact]
    public async Task Expiry_WithANotifier_HandsTheResolvedInstancesOver()
    {
        // A recording notifier: the hand-over to IAlertNotifier is the seam under test; the store is the real one.
        using var directory = new TempDirectory();
        await using var store = SqliteTelemetryStore.Open(directory.Combine("vigil.db"), TelemetryStoreOptions.Writer);
        var notifier = new RecordingNotifier();
        var services = new ServiceCollection().AddSingleton<ITelemetryStore>(store).AddSingleton<IAlertNotifier>(notifier).BuildServiceProvider();
        await using (services)
        {
            var start = DateTimeOffset.UtcNow;
            var posted = AlertmanagerReceiverEndpoints.ToInstance(new PostedAlert("Down", AlertLabels.From([new("alertname", "Down")]), new Dictionary<string, string>(), start, null), start);
            await store.SaveAlertsAsync([posted]);
            var expiry = new ReceivedAlertExpiry(AlwaysLeader.Instance, services, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReceivedAlertExpiry>.Instance);

            var resolved = await expiry.ExpireAsync(start + AlertmanagerReceiverEndpoints.ResolveTimeout, CancellationToken.None);

            Assert.Equal(1, resolved);
            var handed = Assert.Single(Assert.Single(notifier.Batches));
            Assert.Equal((AlertState.Resolved, (DateTimeOffset?)(start + AlertmanagerReceiverEndpoints.ResolveTimeout)), (handed.State, handed.ResolvedAt));
            Assert.True(handed.Id > 0);
        }
    }

    private static async Task<Served> ServeAsync(string? apiKey = null)
    {
        var directory = new TempDirectory();
        var app = VigilServerApplication.Create(new VigilServerOptions
        {
            StorePath = directory.Combine("vigil.db"),
            GrpcPort = 0,
            OtlpHttpPort = 0,
            QueryPort = 0,
            ApiKey = apiKey,
        });
        await app.StartAsync().DefaultTimeout();
        return new Served(app, directory);
    }

    private sealed class Served(VigilServerApplication app, TempDirectory directory) : IAsyncDisposable
    {
        private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{app.Port(VigilServerListener.Query)}"), Timeout = TaskTimeouts.Default };

        public IAlertStateStore Store => app.Services.GetRequiredService<ITelemetryStore>();

        public IServiceProvider Services => app.Services;

        public async Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json", string? bearer = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, AlertmanagerReceiverEndpoints.Path);
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            if (bearer is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
            }

            return await _http.SendAsync(request).DefaultTimeout();
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await app.DisposeAsync();
            directory.Dispose();
        }
    }

    private sealed class RecordingNotifier : IAlertNotifier
    {
        public ConcurrentQueue<IReadOnlyList<AlertInstance>> Batches { get; } = new();

        public ValueTask PublishAsync(IReadOnlyList<AlertInstance> alerts, CancellationToken cancellationToken = default)
        {
            Batches.Enqueue(alerts);
            return ValueTask.CompletedTask;
        }
    }
}
