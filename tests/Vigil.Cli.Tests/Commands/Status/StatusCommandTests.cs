using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Server.Usage;
using Vigil.Storage;

namespace Vigil.Cli.Tests.Commands.Status;

/// <summary>
/// <c>vigil status</c> on a real store file. Every figure is checked against a second source: records against what
/// was written, the store's bytes against the files on disk, the disk and the floor against <see cref="DriveInfo"/>,
/// the growth against the records of the last day, and the time to the floor against those figures.
/// </summary>
public sealed class StatusCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Status_Json_EveryFigureMatchesItsSecondSource()
    {
        // Arrange: 40 old and 10 recent log records (the harness's clock is CliHarness.Now), 6 spans (2 recent).
        await _store.WriteLogsAsync([.. Enumerable.Range(0, 40).Select(i => Some.Log(Random(), at: CliHarness.Now.AddDays(-3).AddSeconds(i)))]);
        await _store.WriteLogsAsync([.. Enumerable.Range(0, 10).Select(i => Some.Log(Random(), at: CliHarness.Now.AddHours(-2).AddSeconds(i)))]);
        await _store.WriteSpansAsync([.. Enumerable.Range(1, 6).Select(i => Some.Span($"op{i}", i.ToString("x16", CultureInfo.InvariantCulture), null, i <= 4 ? CliHarness.Now.AddDays(-3) : CliHarness.Now.AddHours(-1), TimeSpan.FromMilliseconds(5)))]);

        // Act
        var run = await _cli.RunAsync("status", "--store", _store.Path, "--json");
        var drive = new DriveInfo(Path.GetDirectoryName(_store.Path)!);

        // Assert
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var signals = root.GetProperty("signals").EnumerateArray().ToDictionary(s => s.GetProperty("signal").GetString()!);
        Assert.Equal(["logs", "spans", "metrics", "errors", "health"], signals.Keys);
        Assert.Equal((50, 10), (signals["logs"].GetProperty("records").GetInt64(), signals["logs"].GetProperty("recordsLastDay").GetInt64()));
        Assert.Equal((6, 2), (signals["spans"].GetProperty("records").GetInt64(), signals["spans"].GetProperty("recordsLastDay").GetInt64()));
        Assert.Equal(0, signals["metrics"].GetProperty("records").GetInt64());

        // The files on disk (the store was closed by its writer, so the -wal file is gone or empty).
        var onDisk = new FileInfo(_store.Path).Length + (File.Exists(_store.Path + "-wal") ? new FileInfo(_store.Path + "-wal").Length : 0);
        Assert.Equal(onDisk, root.GetProperty("fileBytes").GetInt64());

        // A fifth of the log records are from the last day: a fifth of their bytes a day.
        var logBytes = signals["logs"].GetProperty("bytes").GetInt64();
        Assert.True(logBytes >= 50 * 200, $"{logBytes} bytes of log records");
        Assert.Equal(Math.Round(logBytes / 5.0), signals["logs"].GetProperty("growthBytesPerDay").GetDouble());

        // The disk and the floor: DriveInfo, and the default floor's rule (1 GiB or 5 %, the smaller).
        var total = root.GetProperty("diskTotalBytes").GetInt64();
        Assert.Equal(drive.TotalSize, total);
        Assert.Equal(Math.Min(1L << 30, (long)(total * 0.05)), root.GetProperty("floorBytes").GetInt64());
        Assert.InRange(root.GetProperty("diskFreeBytes").GetInt64(), drive.AvailableFreeSpace - (256L << 20), drive.AvailableFreeSpace + (256L << 20));

        // The time to the floor is the room above it at the store's growth.
        var room = root.GetProperty("diskFreeBytes").GetInt64() + root.GetProperty("reusableBytes").GetInt64() - root.GetProperty("floorBytes").GetInt64();
        var growth = root.GetProperty("growthBytesPerDay").GetDouble();
        Assert.True(growth > 0);
        var expectedSeconds = Math.Min(room / growth, 36_500) * 86_400;
        Assert.Equal(expectedSeconds, root.GetProperty("untilFloorSeconds").GetDouble(), tolerance: Math.Max(1, expectedSeconds * 1e-3));
    }

    [Fact]
    public async Task Status_Text_ShowsTheTableAndTheDisk()
    {
        await _store.WriteLogsAsync(Some.Log("one", at: CliHarness.Now.AddHours(-1)));

        var run = await _cli.RunAsync("status", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^SIGNAL\s+RECORDS\s+SIZE\s+LAST DAY\s+GROWTH/DAY$", lines[0].TrimEnd());
        Assert.Matches(@"^logs\s+1\s+\d", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("disk ", StringComparison.Ordinal) && l.Contains(" free of ", StringComparison.Ordinal));
        Assert.Empty(run.Stderr);

        // The time to the floor as the JSON gives it; at the century cap the text says so rather than "36500d".
        var json = await _cli.RunAsync("status", "--store", _store.Path, "--json");
        using var document = JsonDocument.Parse(json.Stdout);
        var days = document.RootElement.GetProperty("untilFloorSeconds").GetDouble() / 86_400;
        var floorLine = Assert.Single(lines, l => l.StartsWith("to floor ", StringComparison.Ordinal));
        Assert.EndsWith(days >= 36_500 ? "more than 100 years at this rate" : "at this rate", floorLine, StringComparison.Ordinal);
        Assert.DoesNotContain("36500d", floorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NothingWrittenInTheLastDay_NeverReachesTheFloor()
    {
        await _store.WriteLogsAsync(Some.Log("old", at: CliHarness.Now.AddDays(-5)));

        var run = await _cli.RunAsync("status", "--store", _store.Path, "--json");

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("untilFloorSeconds").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("growthBytesPerDay").GetDouble());
    }

    [Fact]
    public async Task Status_Config_ShowsItsFloorRetentionAndTheLastRecordedRun()
    {
        // Arrange: two runs recorded as vigil serve records them; the newer one is the one shown.
        var older = new RetentionRun(CliHarness.Now.AddHours(-3), new RetentionResult { LogsDeleted = 1 }, null);
        var newer = new RetentionRun(CliHarness.Now.AddMinutes(-10), new RetentionResult { LogsDeleted = 120, SpansDeleted = 7, MetricSeriesDeleted = 2 }, null);
        await _store.WriteLogsAsync(older.ToRecord(), newer.ToRecord(), Some.Log("app", at: CliHarness.Now.AddMinutes(-1)));
        var config = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_store.Path)!, "vigil.server.json");
        await File.WriteAllTextAsync(config, """{ "DiskGuard": { "MinFreeBytes": "3MiB" }, "Retention": { "MaxAge": "14d", "MaxSizeBytes": 10737418240, "Interval": "5m" } }""");

        // Act
        var json = await _cli.RunAsync("status", "--store", _store.Path, "--config", config, "--json");
        var text = await _cli.RunAsync("status", "--store", _store.Path, "--config", config);

        // Assert: the file's floor (3 MiB is below 5 % of any disk here), its retention, and the newer run's counts.
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var root = document.RootElement;
        Assert.Equal(3L << 20, root.GetProperty("floorBytes").GetInt64());
        Assert.Equal(config, root.GetProperty("configuration").GetString());
        var retention = root.GetProperty("retention");
        Assert.Equal((14 * 86_400.0, 10737418240.0, 300.0), (retention.GetProperty("maxAgeSeconds").GetDouble(), retention.GetProperty("maxSizeBytes").GetDouble(), retention.GetProperty("intervalSeconds").GetDouble()));
        var last = root.GetProperty("lastRetention");
        Assert.Equal(newer.At, last.GetProperty("at").GetDateTimeOffset());
        Assert.True(last.GetProperty("succeeded").GetBoolean());
        Assert.Equal((120L, 7L, 2L, 0L), (last.GetProperty("logsDeleted").GetInt64(), last.GetProperty("spansDeleted").GetInt64(), last.GetProperty("metricSeriesDeleted").GetInt64(), last.GetProperty("healthResultsDeleted").GetInt64()));

        var lines = text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"config     {config}", lines);
        Assert.Contains("floor      3 MiB (vigil serve's disk guard, as the config sets it)", lines);
        Assert.Contains("retention  every 5m: older than 14d, the oldest beyond ", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("last run   ", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("(10m ago): deleted 120 log records, 7 spans, 0 metric points", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoRunRecorded_SaysSoAndUsesTheDefaultFloor()
    {
        await _store.WriteLogsAsync(Some.Log("one", at: CliHarness.Now.AddHours(-1)));

        var json = await _cli.RunAsync("status", "--store", _store.Path, "--json");
        var text = await _cli.RunAsync("status", "--store", _store.Path);

        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("lastRetention").ValueKind);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("configuration").ValueKind);
        Assert.Contains("no retention run is recorded in this store", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("(vigil serve's disk guard, by default)", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_BadConfig_IsAUsageErrorNamingTheProblem()
    {
        await _store.WriteLogsAsync(Some.Log("one", at: CliHarness.Now.AddHours(-1)));
        var config = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(_store.Path)!, "bad.json");
        await File.WriteAllTextAsync(config, """{ "DiskGuard": { "MinFreeBytes": "lots" } }""");

        var run = await _cli.RunAsync("status", "--store", _store.Path, "--config", config);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("DiskGuard:MinFreeBytes", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_MissingStore_FailsWithoutCreatingIt()
    {
        var run = await _cli.RunAsync("status", "--store", _store.Path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.False(File.Exists(_store.Path));
        Assert.NotEmpty(run.Stderr);
    }

    [Fact]
    public async Task Status_ServerAndConfig_IsAUsageError()
    {
        var run = await _cli.RunAsync("status", "--server", "http://127.0.0.1:1", "--config", "vigil.server.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--config: cannot be combined with --server", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnreachableServer_ExitsTwoNamingIt()
    {
        var run = await _cli.RunAsync("status", "--server", "http://127.0.0.1:1");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("cannot reach the Vigil server at http://127.0.0.1:1/", run.Stderr, StringComparison.Ordinal);
    }

    // Random hex: log blocks are compressed, and random bytes keep about half their hex length.
    private static string Random() => Convert.ToHexString(RandomNumberGenerator.GetBytes(200));
}
