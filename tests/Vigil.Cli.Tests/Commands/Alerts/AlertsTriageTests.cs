using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Alerts;

/// <summary><c>vigil alerts ack|silence|silences|expire</c> on a real store file: each change is read back from the file.</summary>
public sealed class AlertsTriageTests : IAsyncLifetime, IDisposable
{
    private readonly TempStore _store = new();
    private AlertSample _sample = null!;

    public async Task InitializeAsync() => _sample = await AlertSample.WriteAsync(_store.Path);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _store.Dispose();

    private static CliHarness Cli() => new() { Environment = { ["USER"] = "ana" } };

    [Fact]
    public async Task Ack_Firing_StoredWithTheUserAndComment()
    {
        // Act
        var run = await Cli().RunAsync("alerts", "ack", _sample.Firing.ToString(System.Globalization.CultureInfo.InvariantCulture), "--comment", "rolling back", "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"#{_sample.Firing} firing HighErrors {{service=\"shop\", severity=\"critical\"}}, acknowledged by ana: rolling back", run.Stdout.Trim());
        var stored = await AlertSample.ReadAsync(_store.Path, s => s.GetAlertAsync(_sample.Firing));
        Assert.Equal(("ana", "rolling back", CliHarness.Now), (stored!.Acknowledgement!.By, stored.Acknowledgement.Comment, stored.Acknowledgement.At));
    }

    [Fact]
    public async Task Ack_Pending_UsageErrorSayingNotFiring()
    {
        // Act
        var run = await Cli().RunAsync("alerts", "ack", "#" + _sample.Pending.ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", _store.Path);

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"vigil: Alert {_sample.Pending} is pending, not firing: only a firing alert can be acknowledged.", run.Stderr.Trim());
        Assert.Null((await AlertSample.ReadAsync(_store.Path, s => s.GetAlertAsync(_sample.Pending)))!.Acknowledgement);
    }

    [Fact]
    public async Task Ack_UnknownId_NotFoundExit3()
    {
        // Act
        var run = await Cli().RunAsync("alerts", "ack", "999", "--store", _store.Path);

        // Assert
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("alert 999 not found", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("99999999999999999999")]
    public async Task Ack_BadId_UsageErrorNamingId(string id)
    {
        // Act
        var run = await Cli().RunAsync("alerts", "ack", id, "--store", _store.Path);

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ID: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silence_MatchForComment_StoredWithTheOsUserAndEndsAfterTheDuration()
    {
        // Act
        var run = await Cli().RunAsync("alerts", "silence", "--match", "service=shop", "--match", "severity=~\"crit.*\"", "--for", "2h", "--comment", "deploy", "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var silences = await AlertSample.ReadAsync(_store.Path, s => s.QuerySilencesAsync(CliHarness.Now, includeExpired: false));
        var created = Assert.Single(silences, s => s.Comment == "deploy");
        Assert.Equal(("ana", CliHarness.Now, CliHarness.Now.AddHours(2)), (created.CreatedBy, created.StartsAt, created.EndsAt));
        Assert.Equal(["service=\"shop\"", "severity=~\"crit.*\""], created.Matchers.Select(m => m.ToString()));
        Assert.Equal($"Silence {created.Id} active until 2026-11-23 14:00:00Z: service=\"shop\", severity=~\"crit.*\"", run.Stdout.Trim());
    }

    [Fact]
    public async Task Silence_StartAndAuthor_PendingUntilItsStart()
    {
        // Act
        var run = await Cli().RunAsync("alerts", "silence", "--match", "env=prod", "--for", "30m", "--start", "1h", "--author", "bo", "--comment", "night work", "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var created = Assert.Single(await AlertSample.ReadAsync(_store.Path, s => s.QuerySilencesAsync(CliHarness.Now, false)), s => s.CreatedBy == "bo");
        Assert.Equal((CliHarness.Now.AddHours(1), CliHarness.Now.AddMinutes(90), SilenceState.Pending), (created.StartsAt, created.EndsAt, created.StateAt(CliHarness.Now)));
    }

    [Theory]
    [InlineData("--match:", "--for", "2h", "--comment", "x")]
    [InlineData("--for:", "--match", "a=b", "--comment", "x")]
    [InlineData("--comment:", "--match", "a=b", "--for", "2h")]
    [InlineData("--for:", "--match", "a=b", "--for", "0s", "--comment", "x")]
    [InlineData("--for:", "--match", "a=b", "--for", "soon", "--comment", "x")]
    [InlineData("--start:", "--match", "a=b", "--for", "1h", "--start", "2020-01-01T00:00:00Z", "--comment", "x")]
    [InlineData("--match:", "--match", "a", "--for", "1h", "--comment", "x")]
    public async Task Silence_MissingOrBadOption_UsageErrorNamingItAndNothingStored(string option, params string[] args)
    {
        // Act
        var run = await Cli().RunAsync(["alerts", "silence", .. args, "--store", _store.Path]);

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(option, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, (await AlertSample.ReadAsync(_store.Path, s => s.QuerySilencesAsync(CliHarness.Now, includeExpired: true))).Count);
    }

    [Fact]
    public async Task Silences_DefaultAndAll_ExpiredOnlyWithAll()
    {
        // Act
        var current = await Cli().RunAsync("alerts", "silences", "--store", _store.Path);
        var all = await Cli().RunAsync("alerts", "silences", "--all", "--store", _store.Path);

        // Assert
        Assert.Equal((0, 0), (current.ExitCode, all.ExitCode));
        Assert.Matches($@"\n\s*{_sample.ActiveSilence}\s+active\s+service=""cart""\s+1h ago\s+in 1h\s+ana\s+deploy of cart", current.Stdout);
        Assert.DoesNotContain("db migration", current.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"\n\s*{_sample.ExpiredSilence}\s+expired\s+check=""db""", all.Stdout);
    }

    [Fact]
    public async Task Expire_Active_EndsNowAndLeavesTheList()
    {
        // Act
        var run = await Cli().RunAsync("alerts", "expire", _sample.ActiveSilence.ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Silence {_sample.ActiveSilence} expired: service=\"cart\"", run.Stdout.Trim());
        var all = await AlertSample.ReadAsync(_store.Path, s => s.QuerySilencesAsync(CliHarness.Now, includeExpired: true));
        Assert.Equal(CliHarness.Now, all.Single(s => s.Id == _sample.ActiveSilence).EndsAt);
        Assert.Empty(await AlertSample.ReadAsync(_store.Path, s => s.QuerySilencesAsync(CliHarness.Now, includeExpired: false)));
    }

    [Fact]
    public async Task Expire_UnknownId_NotFoundExit3()
    {
        // Act
        var run = await Cli().RunAsync("alerts", "expire", "999", "--store", _store.Path);

        // Assert
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("silence 999 not found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ack_StoreFileMissing_StoreUnavailableExit2()
    {
        // Act
        var run = await Cli().RunAsync("alerts", "ack", "1", "--store", _store.Path + ".missing");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
    }
}
