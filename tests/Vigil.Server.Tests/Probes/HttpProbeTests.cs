using Microsoft.AspNetCore.Http;
using Vigil.Model;
using Vigil.Server.Probes;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Probes;

public sealed class HttpProbeTests : IAsyncDisposable
{
    private readonly ProbeHarness _harness = new();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Attempt_TargetAnswers200_Healthy()
    {
        await using var target = await HttpTarget.StartAsync();
        // Act
        var result = await AttemptAsync(Http(target));

        // Assert
        Assert.Equal(HealthStatus.Healthy, result.Observed);
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains(new KeyValuePair<string, object?>("http.response.status_code", 200), result.Data);
        Assert.Contains("answered 200", result.Description, StringComparison.Ordinal);
        Assert.True(result.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task Attempt_WrongStatus_UnhealthyNamingBoth()
    {
        await using var target = await HttpTarget.StartAsync();
        // Arrange
        target.Handler = context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        };

        // Act
        var result = await AttemptAsync(Http(target));

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Observed);
        Assert.StartsWith("status 503, expected 2xx", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempt_StatusInExpectedList_Healthy()
    {
        await using var target = await HttpTarget.StartAsync();
        // Arrange
        target.Handler = context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        };

        // Act
        var result = await AttemptAsync(Http(target) with { ExpectedStatus = [200, 503] });

        // Assert
        Assert.Equal(HealthStatus.Healthy, result.Observed);
    }

    [Theory]
    [InlineData("\"status\": \"up\"", "up", null, HealthStatus.Healthy)]
    [InlineData("\"status\": \"down\"", "up", null, HealthStatus.Unhealthy)]
    [InlineData("\"status\": \"up\"", null, "\"status\":\\s*\"up\"", HealthStatus.Healthy)]
    [InlineData("\"status\": \"down\"", null, "\"status\":\\s*\"up\"", HealthStatus.Unhealthy)]
    [InlineData("\"status\": \"up\"", "up", "down", HealthStatus.Unhealthy)]
    [InlineData("", "up", null, HealthStatus.Unhealthy)]
    public async Task Attempt_BodyChecks_DecideStatus(string body, string? contains, string? matches, HealthStatus expected)
    {
        await using var target = await HttpTarget.StartAsync();
        // Arrange
        target.Handler = context => context.Response.WriteAsync(body);

        // Act
        var result = await AttemptAsync(Http(target) with { BodyContains = contains, BodyMatches = matches });

        // Assert
        Assert.Equal(expected, result.Observed);
        if (expected == HealthStatus.Unhealthy)
        {
            Assert.StartsWith("the body does not", result.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Attempt_CatastrophicRegex_UnhealthyAfterMatchTimeout()
    {
        await using var target = await HttpTarget.StartAsync();
        // Arrange: (a+)+$ backtracks exponentially on a run of a's that ends in something else.
        target.Handler = context => context.Response.WriteAsync(new string('a', 40) + "!");

        // Act
        var result = await AttemptAsync(Http(target) with { BodyMatches = "^(a+)+$", Timeout = TimeSpan.FromSeconds(20), Interval = TimeSpan.FromMinutes(1) });

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Observed);
        Assert.Contains("took over", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempt_HugeBody_ReadsOnlyTheLimit()
    {
        await using var target = await HttpTarget.StartAsync();
        // Arrange: the marker sits past the first mebibyte, so the probe never sees it.
        target.Handler = async context =>
        {
            await context.Response.WriteAsync(new string('x', HttpProbe.MaxBodyBytes));
            await context.Response.WriteAsync("marker");
        };

        // Act
        var result = await AttemptAsync(Http(target) with { BodyContains = "marker" });

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Observed);
    }

    [Fact]
    public async Task Attempt_SlowerThanMaxLatency_Degraded()
    {
        await using var target = await HttpTarget.StartAsync();
        // Arrange
        target.Handler = async context =>
        {
            await Task.Delay(300, context.RequestAborted);
            await context.Response.WriteAsync("ok");
        };

        // Act
        var result = await AttemptAsync(Http(target) with { MaxLatency = TimeSpan.FromMilliseconds(50) });

        // Assert
        Assert.Equal(HealthStatus.Degraded, result.Observed);
        Assert.StartsWith("answered in ", result.Description, StringComparison.Ordinal);
        Assert.Contains("over the maximum of 50 ms", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempt_SlowerThanTimeout_UnhealthyTimedOut()
    {
        await using var target = await HttpTarget.StartAsync();
        // Arrange
        target.Handler = async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            await context.Response.WriteAsync("ok");
        };

        // Act
        var result = await AttemptAsync(Http(target) with { Timeout = TimeSpan.FromMilliseconds(300), MaxLatency = TimeSpan.FromMilliseconds(50) });

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Observed);
        Assert.Equal("timed out after 0.3 s", result.Description);
    }

    [Fact]
    public async Task Attempt_MethodAndHeaders_AreSent()
    {
        await using var target = await HttpTarget.StartAsync();
        // Arrange
        string? seen = null;
        target.Handler = context =>
        {
            seen = $"{context.Request.Method} {context.Request.Headers["X-Probe"]} {context.Request.Headers.Authorization}";
            return Task.CompletedTask;
        };

        // Act
        var result = await AttemptAsync(Http(target) with
        {
            Method = "post",
            Headers = new Dictionary<string, string> { ["X-Probe"] = "vigil", ["Authorization"] = "Bearer t0ken" },
        });

        // Assert
        Assert.Equal(HealthStatus.Healthy, result.Observed);
        Assert.Equal("POST vigil Bearer t0ken", seen);
    }

    [Fact]
    public async Task Attempt_TargetDown_UnhealthyWithTheReason()
    {
        await using var target = await HttpTarget.StartAsync();
        // Arrange
        await target.StopAsync();

        // Act
        var result = await AttemptAsync(Http(target));

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result.Observed);
        Assert.Contains("refused", result.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Attempts_TargetGoesDownAndComesBack_StatusFlipsOnlyAfterThresholds()
    {
        await using var target = await HttpTarget.StartAsync();
        // Arrange
        var runner = _harness.Runner(Http(target) with { FailureThreshold = 3, SuccessThreshold = 2 });
        var statuses = new List<(HealthStatus Observed, HealthStatus Status)>();
        async Task AttemptAsync()
        {
            var result = await runner.AttemptAsync(CancellationToken.None).DefaultTimeout();
            statuses.Add((result!.Observed, result.Status));
        }

        // Act
        await AttemptAsync();
        await target.StopAsync();
        for (var i = 0; i < 4; i++)
        {
            await AttemptAsync();
        }

        await target.StartAgainAsync();
        for (var i = 0; i < 3; i++)
        {
            await AttemptAsync();
        }

        // Assert
        const HealthStatus H = HealthStatus.Healthy, U = HealthStatus.Unhealthy;
        Assert.Equal([(H, H), (U, H), (U, H), (U, U), (U, U), (H, U), (H, H), (H, H)], statuses);
    }

    private static ProbeDefinition Http(HttpTarget target) => new()
    {
        Name = "api",
        Kind = ProbeKind.Http,
        Url = target.Url,
        Interval = TimeSpan.FromSeconds(30),
        Timeout = TimeSpan.FromSeconds(10),
    };

    private async Task<HealthResult> AttemptAsync(ProbeDefinition definition)
    {
        var result = await _harness.Runner(definition).AttemptAsync(CancellationToken.None).DefaultTimeout();
        Assert.NotNull(result);
        Assert.Equal(("api", HealthSourceKind.Probe, "vigil-serve"), (result.Name, result.Kind, result.ServiceName));
        return result;
    }
}
