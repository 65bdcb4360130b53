using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Model;
using Vigil.Server.Configuration;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Probes;

/// <summary>
/// A real server whose configuration file has an <c>Errors</c> section groups the exceptions it receives over OTLP
/// with those rules, and without the section groups them by default.
/// </summary>
public sealed class ErrorsConfigServerTests
{
    private const string Configuration = """
        {
          "Errors": {
            "SeverityRules": [ { "Type": "*PaymentDeclined*", "Severity": "critical" } ],
            "GroupingRules": [ { "Types": ["Shop.GatewayTimeoutException", "Shop.StockTimeoutException"], "MergeInto": "timeouts" } ]
          }
        }
        """;

    [Fact]
    public async Task PostTraces_ServerWithErrorsSection_GroupsWithTheConfiguredSeverityAndMerge()
    {
        // Arrange
        var errorTracking = ServerConfigurationLoader.Parse(Configuration, "vigil.server.json").ErrorTracking;

        // Act
        var groups = await PostExceptionsAsync(errorTracking);

        // Assert
        Assert.Equal(2, groups.Count);
        var payment = Assert.Single(groups, g => g.Type == "Shop.PaymentDeclinedException");
        Assert.Equal(ErrorSeverity.Critical, payment.Severity);
        Assert.Equal(1, payment.Count);
        var timeouts = Assert.Single(groups, g => g.Type != "Shop.PaymentDeclinedException");
        Assert.Equal(2, timeouts.Count);
        Assert.Equal(ErrorSeverity.Medium, timeouts.Severity);
    }

    [Fact]
    public async Task PostTraces_ServerWithoutErrorsSection_GroupsByDefault()
    {
        // Act
        var groups = await PostExceptionsAsync(ServerConfigurationLoader.Parse("{}", "vigil.server.json").ErrorTracking);

        // Assert: the same events form three groups, all of the default severity.
        Assert.Equal(3, groups.Count);
        Assert.All(groups, g => Assert.Equal(1, g.Count));
        Assert.All(groups, g => Assert.Equal(ErrorSeverity.Medium, g.Severity));
    }

    [Fact]
    public async Task PostTraces_ServerWithErrorsDisabled_StoresNoGroups()
    {
        // Act
        var groups = await PostExceptionsAsync(ServerConfigurationLoader.Parse("""{ "Errors": { "Enabled": false } }""", "vigil.server.json").ErrorTracking);

        // Assert
        Assert.Empty(groups);
    }

    [Fact]
    public async Task Serve_ConfigFileWithErrorsSection_PrintsItsSummaryAndGroupsByIt()
    {
        // Arrange: vigil serve itself, as a child process, with --config.
        using var directory = new TempDirectory();
        var storePath = directory.Combine("vigil.db");
        var configPath = directory.Combine("vigil.server.json");
        await File.WriteAllTextAsync(configPath, Configuration);
        using var serve = await ServeProcess.StartAsync("--store", storePath, "--config", configPath);
        var line = await Eventually.WaitForAsync(() => serve.Lines.FirstOrDefault(l => l.TrimStart().StartsWith("errors ", StringComparison.Ordinal)), "the banner's errors line");

        using var client = new HttpClient { BaseAddress = serve.OtlpHttp, Timeout = TaskTimeouts.Default };

        // Act
        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Json(TracesJson())).DefaultTimeout();
        serve.Process.Kill(entireProcessTree: true);
        await serve.Process.WaitForExitAsync().DefaultTimeout();

        // Assert
        Assert.Equal("  errors     1 severity rule, 1 grouping rule", line);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Reader);
        var groups = await store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout();
        Assert.Equal(2, groups.Count);
        Assert.Equal(ErrorSeverity.Critical, Assert.Single(groups, g => g.Type == "Shop.PaymentDeclinedException").Severity);
        Assert.Equal(2, Assert.Single(groups, g => g.Type != "Shop.PaymentDeclinedException").Count);
    }

    private static async Task<IReadOnlyList<ErrorGroup>> PostExceptionsAsync(ErrorTrackingOptions errorTracking)
    {
        using var directory = new TempDirectory();
        var options = new VigilServerOptions
        {
            StorePath = directory.Combine("vigil.db"),
            GrpcPort = 0,
            OtlpHttpPort = 0,
            QueryPort = 0,
            ErrorTracking = errorTracking,
        };

        // The server opens its own store, as vigil serve does, so the options reach the store through it.
        await using var app = VigilServerApplication.Create(options);
        await app.StartAsync().DefaultTimeout();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.Port(VigilServerListener.OtlpHttp)}"), Timeout = TaskTimeouts.Default };
        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Json(TracesJson())).DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var store = app.Services.GetRequiredService<ITelemetryStore>();
        Assert.Equal(3, (await store.QueryTracesAsync(new TraceQuery()).DefaultTimeout()).Count);
        return await store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout();
    }

    private static string TracesJson()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var spans = string.Join(",", new[]
        {
            Span(1, now, "Shop.PaymentDeclinedException", "card declined", "Shop.Checkout.PayAsync"),
            Span(2, now, "Shop.GatewayTimeoutException", "gateway did not answer", "Shop.Gateway.SendAsync"),
            Span(3, now, "Shop.StockTimeoutException", "stock service did not answer", "Shop.Stock.ReserveAsync"),
        });
        return $$"""
            {
              "resourceSpans": [{
                "resource": { "attributes": [{ "key": "service.name", "value": { "stringValue": "shop" } }] },
                "scopeSpans": [{ "spans": [{{spans}}] }]
              }]
            }
            """;
    }

    private static string Span(int n, long now, string type, string message, string function)
    {
        var id = n.ToString("x16", CultureInfo.InvariantCulture);
        return $$"""
            {
              "traceId": "{{n.ToString("x32", CultureInfo.InvariantCulture)}}",
              "spanId": "{{id}}",
              "name": "request {{n}}",
              "startTimeUnixNano": "{{now}}",
              "endTimeUnixNano": "{{now + 1_000_000}}",
              "status": { "code": 2 },
              "events": [{
                "timeUnixNano": "{{now}}",
                "name": "exception",
                "attributes": [
                  { "key": "exception.type", "value": { "stringValue": "{{type}}" } },
                  { "key": "exception.message", "value": { "stringValue": "{{message}}" } },
                  { "key": "exception.stacktrace", "value": { "stringValue": "{{type}}: {{message}}\n   at {{function}}() in /src/Shop/File.cs:line 42\n   at Shop.Program.Main()" } }
                ]
              }]
            }
            """;
    }
}
