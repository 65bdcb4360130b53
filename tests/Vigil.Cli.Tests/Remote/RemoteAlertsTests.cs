using System.Globalization;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Remote;

/// <summary>
/// The alert commands against a store file and against a server over that same file print the same bytes, and the
/// triage writes sent over HTTP land in the file.
/// </summary>
public sealed class RemoteAlertsTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private readonly TempStore _store = new();
    private LoopbackServer? _server;
    private AlertSample _sample = null!;

    public static TheoryData<string> CommandLines { get; } = new()
    {
        "alerts",
        "alerts --all",
        "alerts --json",
        "alerts --all --json --match service=~shop|cart",
        "alerts --rule Unhealthy --all",
        "alerts --rule NoSuchRule",
        "alerts --limit 1",
        "alerts history",
        "alerts history --json",
        "alerts history --rule HighErrors --since 6m",
        "alerts history --match check=db --until 20m --json",
        "alerts history --alert 1",
        "alerts silences",
        "alerts silences --all",
        "alerts silences --all --json",
        "alerts ack 999",
        "alerts expire 999",
    };

    public async Task InitializeAsync()
    {
        _sample = await AlertSample.WriteAsync(_store.Path);
        _server = await LoopbackServer.StartAsync(_store.Path, clock: new CliHarness().Clock);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task Run_StoreFileOrServer_SameOutput(string commandLine)
    {
        // Arrange
        var args = commandLine.Split(' ');
        var cli = new CliHarness();

        // Act
        var local = await cli.RunAsync([.. args, "--store", _store.Path]).WaitAsync(s_timeout);
        var remote = await cli.RunAsync([.. args, "--server", _server!.Url]).WaitAsync(s_timeout);

        // Assert: each line prints something (data, or the hint of an empty answer, or "not found" with exit code 3).
        Assert.True(local.ExitCode is 0 or 3 && local.Stdout.Length + local.Stderr.Length > 0, $"{local.ExitCode}: {local.Stderr}");
        Assert.Equal(local.ExitCode, remote.ExitCode);
        Assert.Equal(local.Stdout, remote.Stdout);
        Assert.Equal(local.Stderr, remote.Stderr);
    }

    [Fact]
    public async Task Run_SampleIsNotEmpty_SoParityMeansSomething()
    {
        // Act
        var alerts = await new CliHarness().RunAsync("alerts", "--all", "--server", _server!.Url).WaitAsync(s_timeout);
        var silences = await new CliHarness().RunAsync("alerts", "silences", "--server", _server.Url).WaitAsync(s_timeout);

        // Assert
        Assert.Equal(4, alerts.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("deploy of cart", silences.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triage_ThroughServer_LandsInTheFile()
    {
        // Arrange
        var cli = new CliHarness { Environment = { ["USER"] = "ana" } };
        var firing = _sample.Firing.ToString(CultureInfo.InvariantCulture);

        // Act
        var ack = await cli.RunAsync("alerts", "ack", firing, "--comment", "on it", "--server", _server!.Url).WaitAsync(s_timeout);
        var silence = await cli.RunAsync("alerts", "silence", "--match", "service=shop", "--for", "2h", "--comment", "deploy", "--server", _server.Url).WaitAsync(s_timeout);
        var expire = await cli.RunAsync("alerts", "expire", _sample.ActiveSilence.ToString(CultureInfo.InvariantCulture), "--server", _server.Url).WaitAsync(s_timeout);

        // Assert
        Assert.Equal((0, 0, 0), (ack.ExitCode, silence.ExitCode, expire.ExitCode));
        var stored = await AlertSample.ReadAsync(_store.Path, s => s.GetAlertAsync(_sample.Firing));
        Assert.Equal(("ana", "on it"), (stored!.Acknowledgement!.By, stored.Acknowledgement.Comment));
        var silences = await AlertSample.ReadAsync(_store.Path, s => s.QuerySilencesAsync(CliHarness.Now, includeExpired: false));
        var created = Assert.Single(silences);
        Assert.Equal(("deploy", "ana", CliHarness.Now.AddHours(2)), (created.Comment, created.CreatedBy, created.EndsAt));
    }

    [Fact]
    public async Task Ack_PendingThroughServer_SameRefusalAsTheFile()
    {
        // Arrange
        var pending = _sample.Pending.ToString(CultureInfo.InvariantCulture);
        var cli = new CliHarness { Environment = { ["USER"] = "ana" } };

        // Act
        var local = await cli.RunAsync("alerts", "ack", pending, "--store", _store.Path).WaitAsync(s_timeout);
        var remote = await cli.RunAsync("alerts", "ack", pending, "--server", _server!.Url).WaitAsync(s_timeout);

        // Assert
        Assert.Equal((1, 1), (local.ExitCode, remote.ExitCode));
        Assert.Equal(local.Stderr, remote.Stderr);
        Assert.Null((await AlertSample.ReadAsync(_store.Path, s => s.GetAlertAsync(_sample.Pending)))!.Acknowledgement);
    }
}
