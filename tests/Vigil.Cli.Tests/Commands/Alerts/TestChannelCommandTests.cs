using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Alerts;

/// <summary><c>vigil alerts test CHANNEL</c> through a Slack channel of a real configuration file, to a real HTTP receiver on 127.0.0.1.</summary>
public sealed class TestChannelCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private WebApplication? _receiver;
    private int _status = 200;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _bodies.Enqueue(await reader.ReadToEndAsync());
            context.Response.StatusCode = _status;
            await context.Response.WriteAsync(_status == 200 ? "ok" : "invalid_token");
        });
        await _receiver.StartAsync();
        _directory.Write("vigil.server.json", $$"""
            {
              "Alerts": {
                "Channels": [
                  { "Name": "ops-slack", "Kind": "slack", "Slack": { "Url": "{{_receiver.Urls.First()}}/services/T/B/secret" } }
                ]
              }
            }
            """);
    }

    public async Task DisposeAsync() => await _receiver!.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Test_SlackChannel_DeliversATestNotificationAndSaysSo()
    {
        var run = await new CliHarness().RunAsync("alerts", "test", "ops-slack", "--config", _directory.Combine("vigil.server.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("delivered a test notification to 'ops-slack' (slack)", run.Stdout.Trim());
        using var json = JsonDocument.Parse(Assert.Single(_bodies));
        Assert.StartsWith("TEST: VigilTestNotification", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ReceiverRefuses_ExitsFourWithTheReasonAndJson()
    {
        _status = 403;

        var run = await new CliHarness().RunAsync("alerts", "test", "ops-slack", "--config", _directory.Combine("vigil.server.json"), "--json");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("HTTP 403", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("trying again will not help", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("delivered").GetBoolean());
        Assert.False(json.RootElement.GetProperty("retryable").GetBoolean());
        Assert.Equal("slack", json.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Test_UnknownChannel_ExitsThreeListingTheChannels()
    {
        var run = await new CliHarness().RunAsync("alerts", "test", "nope", "--config", _directory.Combine("vigil.server.json"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("no channel named 'nope'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("ops-slack", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_bodies);
    }

    [Fact]
    public async Task Test_BadChannelConfiguration_UsageErrorNamingTheKey()
    {
        _directory.Write("bad.json", """{ "Alerts": { "Channels": [ { "Name": "m", "Kind": "email", "Email": { "Host": "smtp.example.com", "Port": 99999, "From": "x", "To": [] } } ] } }""");

        var run = await new CliHarness().RunAsync("alerts", "test", "m", "--config", _directory.Combine("bad.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Alerts:Channels:0:Email:Port", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Alerts:Channels:0:Email:From", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Alerts:Channels:0:Email:To", run.Stderr, StringComparison.Ordinal);
    }
}
