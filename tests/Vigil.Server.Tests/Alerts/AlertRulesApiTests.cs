using System.Net;
using System.Net.Http.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Server.Configuration;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Alerts;

/// <summary>A real server with a configuration file: its rules over the API, reloads good and bad, and a health rule firing from a real result.</summary>
public sealed class AlertRulesApiTests
{
    private const string Config = """
        { "Alerts": { "DefaultRules": false, "RuleFiles": [ "rules.json" ],
          "Rules": [ { "Name": "ProbeDown", "Kind": "health", "Interval": "1s", "Severity": "critical", "Health": { "Source": "probe" } } ] } }
        """;

    private static async Task<(TestServer Server, TempDirectory Directory)> StartAsync(string rules)
    {
        var directory = new TempDirectory();
        directory.Write("rules.json", rules);
        directory.Write("vigil.server.json", Config);
        var file = directory.Combine("vigil.server.json");
        var configuration = ServerConfigurationLoader.Load(file);
        var server = await TestServer.StartAsync(o =>
        {
            o.Alerts = configuration.Alerts;
            o.ConfigurationFile = file;
        });
        return (server, directory);
    }

    private static async Task<ApiAlertRules> RulesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync("api/alerts/rules", ApiJson.TypeInfo<ApiAlertRules>()))!;

    private static async Task<ApiAlertRules> WaitForRulesAsync(HttpClient client, Func<ApiAlertRules, bool> condition, string what)
    {
        for (var i = 0; i < 300; i++)
        {
            var answer = await RulesAsync(client);
            if (condition(answer))
            {
                return answer;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"never: {what}");
        return null!;
    }

    [Fact]
    public async Task GetRules_ListsTheConfiguredRulesWithTheirStateAndLatestEvaluation()
    {
        var (server, directory) = await StartAsync("""{ "Rules": [ { "Name": "FromFile", "Kind": "health", "Interval": "1m" } ] }""");
        await using var _ = server;
        using var __ = directory;
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint };
        await server.Store.WriteAsync(new TelemetryBatch
        {
            HealthResults = [new HealthResult { Name = "api", Kind = HealthSourceKind.Probe, ServiceName = "vigil-serve", Status = HealthStatus.Unhealthy, Observed = HealthStatus.Unhealthy, Timestamp = DateTimeOffset.UtcNow, Interval = TimeSpan.FromMinutes(5) }],
        });

        var answer = await WaitForRulesAsync(client, a => a.Rules.Any(r => r.Name == "ProbeDown" && r.Firing == 1), "ProbeDown firing");

        Assert.Equal(["ProbeDown", "FromFile"], answer.Rules.Select(r => r.Name));
        var probe = answer.Rules[0];
        Assert.Equal("health", probe.Kind);
        Assert.Equal(ApiAlertState.Firing, probe.State);
        Assert.Equal(TimeSpan.FromSeconds(1), probe.Interval);
        Assert.Equal("Alerts:Rules:0", probe.Source);
        Assert.Equal("critical", probe.Labels["severity"]);
        Assert.NotNull(probe.LastEvaluation);
        Assert.Null(probe.LastError);
        Assert.Equal("rules.json:Rules:0", answer.Rules[1].Source);
        Assert.True(answer.LastReload!.Succeeded);
        Assert.Equal("start", answer.LastReload.Trigger);

        // The alert the API counts is the one the store holds (a second source for the count). Only ProbeDown's: when
        // start-up is slow, FromFile's first evaluation can come after the write and fire on the same probe too.
        var stored = await server.Store.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing] });
        Assert.Equal(probe.Firing, stored.Count(a => a.RuleName == "ProbeDown"));
    }

    [Fact]
    public async Task PostReload_BadRuleFile_KeepsTheRulesAndAnswersTheProblems_ThenAGoodOneTakes()
    {
        var (server, directory) = await StartAsync("""{ "Rules": [ { "Name": "FromFile", "Kind": "health" } ] }""");
        await using var _ = server;
        using var __ = directory;
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint };
        await WaitForRulesAsync(client, a => a.Rules.Count == 2, "two rules");

        directory.Write("rules.json", """{ "Rules": [ { "Name": "FromFile", "Kind": "health", "Severity": "page" } ] }""");
        using var response = await client.PostAsync("api/alerts/reload", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reload = (await response.Content.ReadFromJsonAsync(ApiJson.TypeInfo<ApiAlertReload>()))!;

        Assert.False(reload.Succeeded);
        Assert.Equal(2, reload.Rules);
        Assert.Contains(reload.Problems, p => p.Contains("rules.json:Rules:0:Severity: 'page' is not a severity: critical, high, warning, info", StringComparison.Ordinal));
        Assert.Equal(2, (await RulesAsync(client)).Rules.Count);

        directory.Write("rules.json", """{ "Rules": [ { "Name": "FromFile", "Kind": "health" }, { "Name": "Second", "Kind": "health" } ] }""");
        using var good = await client.PostAsync("api/alerts/reload", null);
        var ok = (await good.Content.ReadFromJsonAsync(ApiJson.TypeInfo<ApiAlertReload>()))!;
        Assert.True(ok.Succeeded);
        Assert.Equal(["ProbeDown", "FromFile", "Second"], (await RulesAsync(client)).Rules.Select(r => r.Name));
    }

    [Fact]
    public async Task GetRules_NoConfiguration_ListsTheFourDefaults()
    {
        await using var server = await TestServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint };

        var answer = await RulesAsync(client);

        Assert.Equal(["NewErrorGroup", "ErrorRegression", "HealthUnhealthy", "HealthStale"], answer.Rules.Select(r => r.Name));
        Assert.All(answer.Rules, r => Assert.Equal("default", r.Source));
    }

    [Fact]
    public void Parse_BadRule_IsReportedWithItsKeyPath()
    {
        var e = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse(
            """{ "Alerts": { "Rules": [ { "Name": "X", "Kind": "health", "For": "forever", "Labels": { "alertname": "Y" } }, { "Kind": "nope" } ] } }""",
            "vigil.server.json"));

        Assert.Contains("Alerts:Rules:0:For: 'forever' is not a duration", e.Message, StringComparison.Ordinal);
        Assert.Contains("Alerts:Rules:0:Labels:alertname: is set by the rule's Name", e.Message, StringComparison.Ordinal);
        Assert.Contains("Alerts:Rules:1:Name: is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("Alerts:Rules:1:Kind: 'nope' is not a rule kind", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RuleFileMissingOrNotJson_NamesTheFile()
    {
        using var directory = new TempDirectory();
        directory.Write("bad.json", "{ \"Rules\": [ { \"Name\": ");
        directory.Write("vigil.server.json", """{ "Alerts": { "RuleFiles": [ "missing.json", "bad.json", "" ] } }""");

        var e = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Load(directory.Combine("vigil.server.json")));

        Assert.Contains("Alerts:RuleFiles:0: 'missing.json' does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains("Alerts:RuleFiles:1: 'bad.json' is not a JSON object", e.Message, StringComparison.Ordinal);
        Assert.Contains("Alerts:RuleFiles:2: is blank", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeRuleFile_IsRefusedWithoutReadingIt()
    {
        using var directory = new TempDirectory();
        directory.Write("huge.json", "{ \"Rules\": [" + new string(' ', 5 * 1024 * 1024) + "] }");
        directory.Write("vigil.server.json", """{ "Alerts": { "RuleFiles": [ "huge.json" ] } }""");

        var e = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Load(directory.Combine("vigil.server.json")));

        Assert.Contains("Alerts:RuleFiles:0: 'huge.json' is 5120 KiB: a rule file is at most 4 MiB", e.Message, StringComparison.Ordinal);
    }
}
