using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Server.Configuration;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Tests.Commands.Alerts;

/// <summary><c>vigil alerts rules</c> and <c>vigil alerts reload</c> against a real server started from a configuration file.</summary>
public sealed class AlertRulesCommandTests
{
    private static async Task<(VigilServerApplication Server, TempDirectory Directory, string Url)> StartAsync()
    {
        var directory = new TempDirectory();
        directory.Write("rules.json", """{ "Rules": [ { "Name": "ShopDown", "Kind": "health", "Interval": "1m", "Health": { "Service": "shop" } } ] }""");
        directory.Write("vigil.server.json", """{ "Alerts": { "RuleFiles": [ "rules.json" ] } }""");
        var file = directory.Combine("vigil.server.json");
        var options = new VigilServerOptions
        {
            StorePath = directory.Combine("vigil.db"),
            GrpcPort = 0,
            OtlpHttpPort = 0,
            QueryPort = 0,
            Alerts = ServerConfigurationLoader.Load(file).Alerts,
            ConfigurationFile = file,
        };
        var server = VigilServerApplication.Create(options);
        await server.StartAsync();
        var url = $"http://127.0.0.1:{server.Port(VigilServerListener.Query)}";

        // The engine loads its rules (the files included) in the background once the host has started; a test that
        // rewrites rules.json before that would change what the start reads, so wait until the file's rule is in force.
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (!(await http.GetStringAsync(new Uri("api/alerts/rules", UriKind.Relative), deadline.Token)).Contains("ShopDown", StringComparison.Ordinal))
        {
            await Task.Delay(20, deadline.Token);
        }

        return (server, directory, url);
    }

    [Fact]
    public async Task Rules_Server_ListsTheDefaultsAndTheFileRules_InTextAndJson()
    {
        var (server, directory, url) = await StartAsync();
        await using var _ = server;
        using var __ = directory;

        var text = await new CliHarness().RunAsync("alerts", "rules", "--server", url);
        var json = await new CliHarness().RunAsync("alerts", "rules", "--server", url, "--json");

        Assert.Equal(ExitCodes.Success, text.ExitCode);
        Assert.Contains("NAME", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("ShopDown", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("rules.json:Rules:0", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("NewErrorGroup", text.Stdout, StringComparison.Ordinal);
        var names = json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("name").GetString()).ToList();
        Assert.Equal(["NewErrorGroup", "ErrorRegression", "HealthUnhealthy", "HealthStale", "ShopDown"], names);
    }

    [Fact]
    public async Task Reload_BadFile_ExitsOneWithTheProblems_AndRulesSaysTheReloadFailed()
    {
        var (server, directory, url) = await StartAsync();
        await using var _ = server;
        using var __ = directory;
        directory.Write("rules.json", """{ "Rules": [ { "Name": "ShopDown", "Kind": "health", "Interval": "often" } ] }""");

        var reload = await new CliHarness().RunAsync("alerts", "reload", "--server", url);
        var rules = await new CliHarness().RunAsync("alerts", "rules", "--server", url);

        Assert.Equal(ExitCodes.UsageError, reload.ExitCode);
        Assert.Contains("the rules were not reloaded; the 5 rules in force stay", reload.Stderr, StringComparison.Ordinal);
        Assert.Contains("rules.json:Rules:0:Interval: 'often' is not a duration", reload.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, rules.ExitCode);
        Assert.Contains("the latest reload", rules.Stderr, StringComparison.Ordinal);
        Assert.Contains("ShopDown", rules.Stdout, StringComparison.Ordinal);

        directory.Write("rules.json", """{ "Rules": [ { "Name": "ShopDown", "Kind": "health" }, { "Name": "Two", "Kind": "health" } ] }""");
        var good = await new CliHarness().RunAsync("alerts", "reload", "--server", url);
        Assert.Equal(ExitCodes.Success, good.ExitCode);
        Assert.Contains("Reloaded: 6 rules in force.", good.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_NoServer_IsAUsageErrorThatSaysWhatToGive()
    {
        var run = await new CliHarness().RunAsync("alerts", "rules");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--server: vigil alerts rules asks a running server", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_NotAServer_IsAStoreError()
    {
        var run = await new CliHarness().RunAsync("alerts", "rules", "--server", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains("cannot reach the Vigil server", run.Stderr, StringComparison.Ordinal);
    }
}
