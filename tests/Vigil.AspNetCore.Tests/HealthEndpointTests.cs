using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Vigil.AspNetCore.Tests;

public sealed class HealthEndpointTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(HealthApp app, string path)
    {
        var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative)).WaitAsync(HealthApp.Timeout);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(HealthApp.Timeout);
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone(), response);
    }

    private static JsonElement Check(JsonElement body, string name) =>
        Assert.Single(body.GetProperty("checks").GetProperty(name + ":responseTime").EnumerateArray());

    [Fact]
    public async Task Ready_AllHealthy_200PassAsHealthJsonNotCached()
    {
        await using var app = await HealthApp.StartAsync(checks => checks.AddCheck("db", () => HealthCheckResult.Healthy("connected")));

        var (status, body, response) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/health+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("pass", body.GetProperty("status").GetString());
        var db = Check(body, "db");
        Assert.Equal("pass", db.GetProperty("status").GetString());
        Assert.Equal("db", db.GetProperty("componentId").GetString());
        Assert.Equal("ms", db.GetProperty("observedUnit").GetString());
        Assert.True(db.GetProperty("observedValue").GetDouble() >= 0);
        Assert.True(db.GetProperty("time").TryGetDateTimeOffset(out _));
        Assert.False(db.TryGetProperty("output", out _));
    }

    [Fact]
    public async Task Ready_Degraded_200WarnWithOutput()
    {
        await using var app = await HealthApp.StartAsync(checks => checks
            .AddCheck("db", () => HealthCheckResult.Healthy())
            .AddCheck("queue", () => HealthCheckResult.Degraded("backlog of 120")));

        var (status, body, _) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("warn", body.GetProperty("status").GetString());
        Assert.Equal("warn", Check(body, "queue").GetProperty("status").GetString());
        Assert.Equal("backlog of 120", Check(body, "queue").GetProperty("output").GetString());
        Assert.Equal("pass", Check(body, "db").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_Unhealthy_503Fail()
    {
        await using var app = await HealthApp.StartAsync(checks => checks
            .AddCheck("queue", () => HealthCheckResult.Degraded())
            .AddCheck("cache", () => HealthCheckResult.Unhealthy("connection refused")));

        var (status, body, _) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("fail", body.GetProperty("status").GetString());
        Assert.Equal("connection refused", Check(body, "cache").GetProperty("output").GetString());
    }

    [Fact]
    public async Task Ready_CheckThrows_503FailWithTheError()
    {
        await using var app = await HealthApp.StartAsync(checks => checks.AddCheck("payments", () => throw new InvalidOperationException("cannot reach the gateway")));

        var (status, body, _) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("System.InvalidOperationException: cannot reach the gateway", Check(body, "payments").GetProperty("output").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_CheckHangsPastItsTimeout_503FailTimedOut()
    {
        await using var app = await HealthApp.StartAsync(checks => checks.AddAsyncCheck("hangs", HangAsync, timeout: TimeSpan.FromMilliseconds(200)));

        var (status, body, _) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("timed out after ", Check(body, "hangs").GetProperty("output").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_WithVigil_ACheckWithoutTimeoutGetsVigilsDefault()
    {
        await using var app = await HealthApp.StartAsync(
            checks => checks.AddAsyncCheck("hangs", HangAsync),
            configureServices: services => services.AddVigil(o =>
            {
                o.Console.Enabled = false;
                o.Store.Enabled = false;
                o.Errors.CaptureUnhandled = false;
                o.Health.TimeoutSeconds = 1;
            }));

        var (status, body, _) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("timed out after ", Check(body, "hangs").GetProperty("output").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_NoCheckTaggedLive_200PassWhileReadyFails()
    {
        await using var app = await HealthApp.StartAsync(checks => checks.AddCheck("db", () => HealthCheckResult.Unhealthy()));

        var (liveStatus, live, _) = await GetAsync(app, "/health/live");
        var (readyStatus, _, _) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("pass", live.GetProperty("status").GetString());
        Assert.Empty(live.GetProperty("checks").EnumerateObject());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
    }

    [Fact]
    public async Task Live_CheckTaggedLiveFails_503()
    {
        await using var app = await HealthApp.StartAsync(checks => checks
            .AddCheck("worker-loop", () => HealthCheckResult.Unhealthy("stuck"), tags: [VigilHealthCheckTags.Live])
            .AddCheck("db", () => HealthCheckResult.Healthy()));

        var (status, body, _) = await GetAsync(app, "/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(["worker-loop:responseTime"], body.GetProperty("checks").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Ready_SomeChecksTaggedReady_OnlyThoseCount()
    {
        await using var app = await HealthApp.StartAsync(checks => checks
            .AddCheck("db", () => HealthCheckResult.Healthy(), tags: [VigilHealthCheckTags.Ready])
            .AddCheck("nightly-batch", () => HealthCheckResult.Unhealthy()));

        var (status, body, _) = await GetAsync(app, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["db:responseTime"], body.GetProperty("checks").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Head_Ready_SameStatusNoBody()
    {
        await using var app = await HealthApp.StartAsync(checks => checks.AddCheck("cache", () => HealthCheckResult.Unhealthy()));

        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/health/ready", UriKind.Relative));
        using var response = await app.Client.SendAsync(request).WaitAsync(HealthApp.Timeout);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync().WaitAsync(HealthApp.Timeout));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task CustomPattern_MapsUnderIt_AndOtherPathsAreNotFound()
    {
        await using var app = await HealthApp.StartAsync(checks => checks.AddCheck("db", () => HealthCheckResult.Healthy()), pattern: "/status");

        var (status, _, _) = await GetAsync(app, "/status/live");
        using var health = await app.Client.GetAsync(new Uri("/health/ready", UriKind.Relative)).WaitAsync(HealthApp.Timeout);
        using var hostile = await app.Client.GetAsync(new Uri("/status/ready/..%2F..%2Fetc%2Fpasswd?x=<script>", UriKind.Relative)).WaitAsync(HealthApp.Timeout);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.NotFound, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hostile.StatusCode);
    }

    [Fact]
    public async Task Ready_QueryStringAndOddNames_AnsweredAndEscaped()
    {
        await using var app = await HealthApp.StartAsync(checks => checks.AddCheck("db \"primary\" <1>", () => HealthCheckResult.Degraded("line\nbreak \"quoted\"")));

        var (status, body, _) = await GetAsync(app, "/health/ready?verbose=<script>");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("line\nbreak \"quoted\"", Check(body, "db \"primary\" <1>").GetProperty("output").GetString());
    }

    private static async Task<HealthCheckResult> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
