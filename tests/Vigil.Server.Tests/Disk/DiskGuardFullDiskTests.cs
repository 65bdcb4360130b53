using System.Net;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Model;
using Vigil.Server.Disk;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Tests.Support;
using Status = Vigil.Server.Otlp.Proto.Rpc.Status;

namespace Vigil.Server.Tests.Disk;

/// <summary>
/// The disk guard on a real, small file system (a 64 MiB tmpfs; <see cref="TinyDisk"/>, root only) with a real server
/// and real OTLP: filling the store to the floor makes it drop its oldest data and go on; when something else fills
/// the disk beyond what dropping could free, ingest is refused with 507 and the guard's message, the store stays
/// intact (<c>PRAGMA integrity_check</c>), and ingest is accepted again once the filler file is deleted.
/// </summary>
public sealed class DiskGuardFullDiskTests
{
    private const long Floor = 16L << 20;

    [TinyDiskFact]
    public async Task Ingest_RealDiskFillsToTheFloor_DropsOldestThenRefusesThenRecovers()
    {
        // Arrange: the store on a 64 MiB disk, a filler file leaving the floor and 4 MiB free.
        await using var disk = await TinyDisk.TryMountAsync(megabytes: 64);
        Assert.NotNull(disk);
        var storePath = Path.Combine(disk.Path, "vigil.db");
        await using var server = await TestServer.StartAsync(o =>
        {
            o.StorePath = storePath;
            o.DiskGuard = new DiskGuardOptions { MinFreeBytes = Floor, Interval = TimeSpan.FromMilliseconds(100) };
        });
        var guard = server.App.Services.GetRequiredService<DiskGuard>();
        Fill(Path.Combine(disk.Path, "filler-1"), Free(disk) - Floor - (4L << 20));
        var otlp = server.CreateHttpClient();
        var start = DateTimeOffset.UtcNow.AddHours(-1);

        // Act 1: real OTLP until the guard has had to drop data (bounded: 4 MiB of room takes far fewer requests).
        var sent = 0;
        for (; sent < 400 && guard.LastDrop is null; sent++)
        {
            using var response = await otlp.PostAsync("/v1/logs", OtlpHttp.Protobuf(Batch($"batch{sent}", start.AddSeconds(sent)))).DefaultTimeout();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.InsufficientStorage, $"request {sent}: {response.StatusCode}");
            await Task.Yield();
        }

        // Assert 1: the oldest went (the store's own query) and ingest goes on.
        Assert.NotNull(guard.LastDrop);
        Assert.True(guard.LastDrop.Result.LogsDeleted > 0);
        var kept = await server.Store.QueryLogsAsync(new LogQuery { Limit = 100_000 });
        Assert.True(kept.Count < sent * RecordsPerRequest, $"{kept.Count} kept of {sent * RecordsPerRequest} sent");
        Assert.DoesNotContain(kept, l => l.Body!.StartsWith("batch0 ", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => guard.Refusal is null, "ingest accepted after the drop");

        // Act 2: something else takes all but 2 MiB of the disk: dropping every record could not get back above the floor.
        var filler = Path.Combine(disk.Path, "filler-2");
        Fill(filler, Free(disk) - (2L << 20));
        await Eventually.TrueAsync(() => guard.Refusal is not null, "the guard refuses");
        using var refused = await otlp.PostAsync("/v1/logs", OtlpHttp.Protobuf(Batch("refused", DateTimeOffset.UtcNow))).DefaultTimeout();
        var refusal = Status.Parser.ParseFrom(await refused.Content.ReadAsByteArrayAsync().DefaultTimeout()).Message;
        using var query = await server.CreateQueryClient().GetAsync("/api/logs?limit=5&since=2h").DefaultTimeout();

        // Assert 2
        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        Assert.Contains("below the floor of 16 MiB", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal("ok", IntegrityCheck(storePath));

        // Act 3: the filler is deleted.
        File.Delete(filler);
        await Eventually.TrueAsync(() => guard.Refusal is null, "the guard sees the space return");
        using var accepted = await otlp.PostAsync("/v1/logs", OtlpHttp.Protobuf(Batch("after", DateTimeOffset.UtcNow))).DefaultTimeout();

        // Assert 3
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains(await server.Store.QueryLogsAsync(new LogQuery { Limit = 100_000 }), l => l.Body!.StartsWith("after ", StringComparison.Ordinal));
        Assert.Equal("ok", IntegrityCheck(storePath));
    }

    private const int RecordsPerRequest = 128;

    // Random hex: the store compresses log blocks, and random bytes stay about half their hex length however stored.
    private static ExportLogsServiceRequest Batch(string name, DateTimeOffset time) => Some.Logs([.. Enumerable.Range(0, RecordsPerRequest).Select(i =>
    {
        var log = Some.Log($"{name} {Convert.ToHexString(RandomNumberGenerator.GetBytes(512))}");
        log.TimeUnixNano = Some.UnixNano(time.AddMilliseconds(i));
        return log;
    })]);

    private static long Free(TinyDisk disk) => new DriveInfo(disk.Path).AvailableFreeSpace;

    private static void Fill(string path, long bytes)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var chunk = new byte[1 << 20];
        for (var left = bytes; left > 0; left -= chunk.Length)
        {
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
    }

    private static string? IntegrityCheck(string storePath)
    {
        using var connection = new SqliteConnection($"Data Source={storePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return command.ExecuteScalar() as string;
    }
}
