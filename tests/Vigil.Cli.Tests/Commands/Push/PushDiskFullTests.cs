using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Cli.Tests.Support;
using Vigil.Server.Disk;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Tests.Commands.Push;

/// <summary>
/// <c>vigil push</c> against a real server whose disk guard refuses (its disk's free space set by the test, below the
/// floor): the push fails with exit code 2 and a message that says why and what to do, nothing reaches the server,
/// nothing is lost, and once space returns the same command resumes exactly where the server's positions stood.
/// Counts are checked against the local store's and the server's store files.
/// </summary>
public sealed class PushDiskFullTests : IDisposable
{
    private const long Floor = 10L << 20;

    private readonly TempStore _local = new();
    private readonly TempStore _remote = new();

    [Fact]
    public async Task A_push_to_a_full_server_fails_clearly_loses_nothing_and_resumes_once_space_returns()
    {
        // Arrange: a first push while there is room, then 30 more log records locally, then the disk falls below the floor.
        await PushFixture.WriteAsync(_local);
        var disk = new SettableDisk(50L << 20, 100L << 20);
        var app = VigilServerApplication.Create(new VigilServerOptions
        {
            StorePath = _remote.Path,
            GrpcPort = 0,
            OtlpHttpPort = 0,
            QueryPort = 0,
            DiskGuard = new DiskGuardOptions { MinFreeBytes = Floor, DropOldest = false, Interval = TimeSpan.FromMilliseconds(100) },
        }, store: null, diskSpace: disk);
        await using var server = app;
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var url = $"http://127.0.0.1:{app.Port(VigilServerListener.Query)}";
        var guard = app.Services.GetRequiredService<DiskGuard>();

        var first = await PushAsync(url, "--json");
        Assert.True(first.ExitCode == 0, first.Stderr);
        var pushed = await PushFixture.CountAsync(_remote.Path);
        await _local.WriteLogsAsync([.. Enumerable.Range(0, 30).Select(i => Some.Log($"late {i}", DateTimeOffset.UtcNow.AddMinutes(-5).AddSeconds(i)))]);
        disk.AvailableBytes = 1L << 20;
        await Eventually.TrueAsync(() => guard.Refusal is not null, "the guard finds the disk below the floor");

        // Act
        var refused = await PushAsync(url, "--json");
        var whileFull = await PushFixture.CountAsync(_remote.Path);
        disk.AvailableBytes = 50L << 20;
        await Eventually.TrueAsync(() => guard.Refusal is null, "the guard sees the space return");
        var resumed = await PushAsync(url, "--json");

        // Assert: refused with the guard's reason and what to do, nothing stored meanwhile.
        Assert.Equal(2, refused.ExitCode);
        Assert.Empty(refused.Stdout);
        Assert.Contains("has no room for the push (507)", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("below the floor of 10 MiB", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("push again once the server has room", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(pushed, whileFull);

        // Nothing lost: the resumed push sends just the 30 late records, from where the first push left the logs.
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        var summary = JsonDocument.Parse(resumed.Stdout).RootElement;
        Assert.Equal(30, summary.GetProperty("logs").GetProperty("sent").GetInt64());
        Assert.Equal(PushFixture.Logs, summary.GetProperty("logs").GetProperty("startPosition").GetInt64());
        Assert.Equal(0, summary.GetProperty("spans").GetProperty("sent").GetInt64());
        var local = await PushFixture.CountAsync(_local.Path);
        Assert.Equal((PushFixture.Logs + 30L, (long)PushFixture.Spans, (long)PushFixture.Points), local);
        Assert.Equal(local, await PushFixture.CountAsync(_remote.Path));
        var (localBodies, _) = await PushFixture.ContentAsync(_local.Path);
        var (remoteBodies, _) = await PushFixture.ContentAsync(_remote.Path);
        Assert.Equal(localBodies, remoteBodies);
    }

    public void Dispose()
    {
        _local.Dispose();
        _remote.Dispose();
    }

    private Task<CliRun> PushAsync(string server, params string[] options) =>
        new CliHarness().RunAsync(["push", "--store", _local.Path, "--server", server, .. options]);

    /// <summary>A disk whose free space the test sets (the server's disk guard reads it instead of the file system).</summary>
    private sealed class SettableDisk(long availableBytes, long totalBytes) : IDiskSpace
    {
        private long _available = availableBytes;

        public long AvailableBytes
        {
            get => Interlocked.Read(ref _available);
            set => Interlocked.Exchange(ref _available, value);
        }

        public DiskSpaceReading Read() => new(AvailableBytes, totalBytes);
    }
}
