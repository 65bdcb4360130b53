using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Demo;

/// <summary>
/// docs/alerts.md opens with a configuration a user copies: <c>vigil demo --config</c> with it must page the webhook
/// when the demo's shop logs more than three errors in a minute. This runs the page's own JSON block, with only the
/// webhook's address pointed at a real receiver on loopback, and checks the notification against what the page says.
/// </summary>
[Collection(DemoRunsInSequence.Name)]
public sealed class DemoAlertsQuickstartTests
{
    // The page promises a notification within two minutes; this bound only stops a hang from stalling the run.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(4);

    private const string DocumentedUrl = "http://127.0.0.1:9000/hook";

    [Fact]
    public async Task Demo_WithTheDocsQuickstart_PagesTheWebhookWithAGroupedFiringNotificationAndEvidence()
    {
        // Arrange: the first json block of docs/alerts.md, as a user saves it, with the receiver's address for the
        // documented one (the prose names the same address, so the page and its block agree).
        var root = typeof(DemoAlertsQuickstartTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var docs = await File.ReadAllTextAsync(Path.Combine(root, "docs", "alerts.md"));
        var start = docs.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.Contains(DocumentedUrl, docs[..start], StringComparison.Ordinal);
        Assert.Contains(DocumentedUrl, json, StringComparison.Ordinal);
        await using var receiver = await RecordingReceiver.StartAsync();
        using var directory = new TempDirectory();
        var config = directory.Combine("vigil.server.json");
        await File.WriteAllTextAsync(config, json.Replace(DocumentedUrl, receiver.Url.AbsoluteUri, StringComparison.Ordinal));

        using var stdout = new SignallingWriter();
        using var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, stderr, new Dictionary<string, string?>(), TimeProvider.System) { CurrentDirectory = directory.Path };
        using var cancellation = new CancellationTokenSource();

        // Act: the documented command, on free ports, until the webhook is paged.
        var run = VigilCli.RunAsync(["demo", "--config", config, "--store", directory.Combine("vigil.db"), "--grpc-port", "0", "--otlp-port", "0", "--port", "0"], context, cancellation.Token);
        try
        {
            await Eventually.TrueAsync(() => receiver.Payloads.Count > 0 || run.IsCompleted, "the webhook is paged", HangGuard);
        }
        finally
        {
            await cancellation.CancelAsync();
        }

        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(60));

        // Assert: one grouped firing notification of the documented rule, with its labels, its summary and evidence.
        Assert.True(exitCode == ExitCodes.Success, stderr.ToString());
        var payload = receiver.Payloads[0].RootElement;
        Assert.Equal("firing", payload.GetProperty("status").GetString());
        Assert.Equal("ShopErrors", payload.GetProperty("groupLabels").GetProperty("alertname").GetString());
        Assert.Equal("vigil-demo-shop", payload.GetProperty("groupLabels").GetProperty("service").GetString());
        var alert = Assert.Single(payload.GetProperty("alerts").EnumerateArray());
        var labels = alert.GetProperty("labels");
        Assert.Equal(("high", "shop"), (labels.GetProperty("severity").GetString(), labels.GetProperty("team").GetString()));
        var summary = alert.GetProperty("annotations").GetProperty("summary").GetString()!;
        var match = Regex.Match(summary, @"^vigil-demo-shop logged (\d+) errors in a minute \(more than 3\)$");
        Assert.True(match.Success, summary);
        var vigil = alert.GetProperty("vigil");
        Assert.Equal(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), vigil.GetProperty("value").GetDouble());
        Assert.True(vigil.GetProperty("value").GetDouble() > 3);
        var lines = vigil.GetProperty("evidence").GetProperty("logLines");
        Assert.NotEqual(0, lines.GetArrayLength());
        Assert.All(lines.EnumerateArray(), line => Assert.Contains("vigil-demo-shop", line.GetString(), StringComparison.Ordinal));
    }
}
