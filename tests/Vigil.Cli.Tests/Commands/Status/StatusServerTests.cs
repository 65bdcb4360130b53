using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Tests.Commands.Push;
using Vigil.Cli.Tests.Remote;
using Vigil.Cli.Tests.Support;
using Vigil.Server.Usage;
using Vigil.Storage;

namespace Vigil.Cli.Tests.Commands.Status;

/// <summary>
/// <c>vigil status --server</c> against the real <c>vigil serve</c> over a store file: it prints what
/// <c>vigil status --store</c> prints for that same file (the second source), in JSON and in text, and honours the
/// server's API key.
/// </summary>
public sealed class StatusServerTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public StatusServerTests() =>
        // The server measures "the last day" on the real clock; the local reading must use the same one.
        _cli.Clock.Now = DateTimeOffset.UtcNow;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Status_Server_JsonIsTheFileItServes()
    {
        // Arrange: old and recent records and a retention run, written before the server opens the file.
        await WriteAsync();
        await using var server = await ServedVigil.StartAsync(_store.Path);

        // Act
        var remote = await _cli.RunAsync("status", "--server", server.Url, "--json");
        var local = await _cli.RunAsync("status", "--store", _store.Path, "--json");

        // Assert: the same figures, the disk's free bytes (which any process on the machine moves) and what depends on it aside.
        Assert.True(remote.ExitCode == 0, remote.Stderr);
        Assert.Equal(0, local.ExitCode);
        using var remoteJson = JsonDocument.Parse(remote.Stdout);
        using var localJson = JsonDocument.Parse(local.Stdout);
        var r = remoteJson.RootElement;
        var l = localJson.RootElement;
        Assert.Equal(Names(l), Names(r));
        foreach (var name in Names(l).Except(["measuredAt", "diskFreeBytes", "untilFloorSeconds"]))
        {
            Assert.True(l.GetProperty(name).GetRawText() == r.GetProperty(name).GetRawText(), $"{name}: {l.GetProperty(name).GetRawText()} here, {r.GetProperty(name).GetRawText()} from the server");
        }

        // The records written, through the server.
        var signals = r.GetProperty("signals").EnumerateArray().ToDictionary(s => s.GetProperty("signal").GetString()!);
        Assert.Equal((21L, 6L), (signals["logs"].GetProperty("records").GetInt64(), signals["logs"].GetProperty("recordsLastDay").GetInt64()));
        Assert.Equal((3L, 1L), (signals["spans"].GetProperty("records").GetInt64(), signals["spans"].GetProperty("recordsLastDay").GetInt64()));
        Assert.Equal(45L, r.GetProperty("lastRetention").GetProperty("logsDeleted").GetInt64());

        // The time to the floor is the server's room above its floor at its growth.
        var room = r.GetProperty("diskFreeBytes").GetInt64() + r.GetProperty("reusableBytes").GetInt64() - r.GetProperty("floorBytes").GetInt64();
        var expected = Math.Min(room / r.GetProperty("growthBytesPerDay").GetDouble(), 36_500) * 86_400;
        Assert.Equal(expected, r.GetProperty("untilFloorSeconds").GetDouble(), tolerance: Math.Max(1, expected * 1e-3));
    }

    [Fact]
    public async Task Status_Server_TextIsTheFileItServes()
    {
        await WriteAsync();
        await using var server = await ServedVigil.StartAsync(_store.Path);

        var remote = await _cli.RunAsync("status", "--server", server.Url);
        var local = await _cli.RunAsync("status", "--store", _store.Path);

        // Every line but the disk's free space and the time to the floor, which follow it.
        Assert.True(remote.ExitCode == 0, remote.Stderr);
        Assert.Equal(Stable(local.Stdout), Stable(remote.Stdout));
        Assert.Contains("(vigil serve's disk guard, by default)", remote.Stdout, StringComparison.Ordinal);
        Assert.Contains("(5m ago): deleted 45 log records", remote.Stdout, StringComparison.Ordinal);
        Assert.Empty(remote.Stderr);
    }

    [Fact]
    public async Task Status_ServerWithApiKey_RefusedWithoutItAndAnsweredWithIt()
    {
        await WriteAsync();
        await using var server = await ServedVigil.StartAsync(_store.Path, apiKey: "s3cret");

        var refused = await _cli.RunAsync("status", "--server", server.Url);
        var keyed = await _cli.RunAsync("status", "--server", server.Url, "--api-key", "s3cret", "--json");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--api-key", refused.Stderr, StringComparison.Ordinal);
        Assert.True(keyed.ExitCode == 0, keyed.Stderr);
        using var json = JsonDocument.Parse(keyed.Stdout);
        Assert.Equal(_store.Path, json.RootElement.GetProperty("store").GetString());
    }

    [Fact]
    public async Task Status_ServerWithoutAStoreFile_IsAUsageErrorInTheServersWords()
    {
        // Arrange: the query API over a store the host measures nothing of, as a server on PostgreSQL (no status sampler).
        await _store.CreateAsync();
        await using var server = await LoopbackServer.StartAsync(_store.Path);

        // Act
        var run = await _cli.RunAsync("status", "--server", server.Url);

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("its size and disk are the database server's to report", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("NotSupportedException", run.Stderr, StringComparison.Ordinal);
    }

    private async Task WriteAsync()
    {
        var now = _cli.Clock.Now;
        var run = new RetentionRun(now.AddMinutes(-5), new RetentionResult { LogsDeleted = 45 }, null);
        await _store.WriteLogsAsync([.. Enumerable.Range(0, 15).Select(i => Some.Log($"old {i}", at: now.AddDays(-3).AddSeconds(i)))]);
        await _store.WriteLogsAsync([.. Enumerable.Range(0, 5).Select(i => Some.Log($"new {i}", at: now.AddHours(-2).AddSeconds(i))), run.ToRecord()]);
        await _store.WriteSpansAsync([.. Enumerable.Range(1, 3).Select(i => Some.Span($"op{i}", i.ToString("x16", CultureInfo.InvariantCulture), null, i <= 2 ? now.AddDays(-3) : now.AddHours(-1), TimeSpan.FromMilliseconds(5)))]);
    }

    private static string[] Names(JsonElement root) => [.. root.EnumerateObject().Select(p => p.Name)];

    private static string[] Stable(string text) =>
        [.. text.Split('\n').Where(l => !l.StartsWith("disk ", StringComparison.Ordinal) && !l.StartsWith("to floor ", StringComparison.Ordinal))];
}
