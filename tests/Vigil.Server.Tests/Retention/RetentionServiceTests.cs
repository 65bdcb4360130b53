using Vigil.Model;
using Vigil.Server.Configuration;
using Vigil.Server.Usage;
using Seed = Vigil.Server.Tests.Api.Seed;
using Vigil.Server.Tests.Support;
using Vigil.Storage;

namespace Vigil.Server.Tests.Retention;

/// <summary>
/// The server applies the configuration file's <c>Retention</c> itself (before, only the SDK's local writer did, so a
/// server's store grew for ever), on a real SQLite store, and the file's section is checked like every other.
/// </summary>
public sealed class RetentionServiceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-retention-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Serve_RetentionMaxAge_DeletesOnlyRecordsOlderThanIt()
    {
        await using var server = await TestServer.StartAsync(options =>
        {
            options.Retention = new RetentionOptions { MaxAge = TimeSpan.FromDays(1) };
            options.RetentionInterval = TimeSpan.FromSeconds(1);
        });
        // Two writes: retention deletes whole stored blocks of log records, and one write is one block.
        await server.Store.WriteAsync(new TelemetryBatch { Logs = [Aged("two days old", TimeSpan.FromDays(2))] }).DefaultTimeout();
        await server.Store.WriteAsync(new TelemetryBatch { Logs = [Aged("a minute old", TimeSpan.FromMinutes(1))] }).DefaultTimeout();

        // Second source: the store's own query, not the service's log line.
        await Eventually.TrueAsync(
            async () => (await server.Store.QueryLogsAsync(new LogQuery { ServiceName = "orders", Limit = 10 })).Select(l => l.Body).SequenceEqual(["a minute old"]),
            "the two-day-old record is deleted and the new one kept");
    }

    [Fact]
    public async Task Serve_RetentionRun_IsRecordedInTheStoreWithWhatItDeleted()
    {
        await using var server = await TestServer.StartAsync(options =>
        {
            options.Retention = new RetentionOptions { MaxAge = TimeSpan.FromDays(1) };
            options.RetentionInterval = TimeSpan.FromSeconds(1);
        });
        await server.Store.WriteAsync(new TelemetryBatch { Logs = [Aged("two days old", TimeSpan.FromDays(2)), Aged("three days old", TimeSpan.FromDays(3))] }).DefaultTimeout();
        await server.Store.WriteAsync(new TelemetryBatch { Logs = [Aged("a minute old", TimeSpan.FromMinutes(1))] }).DefaultTimeout();

        // Runs every second record one each, so the run that deleted the two old records is looked for among them all.
        LogEntry? record = null;
        await Eventually.TrueAsync(
            async () => (record = (await server.Store.QueryLogsAsync(RetentionRun.Latest with { Limit = 1_000 }))
                .FirstOrDefault(r => RetentionRun.Of(r).Result is { LogsDeleted: > 0 })) is not null,
            "a recorded retention run that deleted log records");
        var run = RetentionRun.Of(record!);

        // Second source: the store's own records of service orders, which are what that run left.
        Assert.Equal(2, run.Result!.LogsDeleted);
        Assert.Equal(["a minute old"], (await server.Store.QueryLogsAsync(new LogQuery { ServiceName = "orders", Limit = 10 })).Select(l => l.Body));
        Assert.Equal((0L, 0L, 0L), (run.Result.SpansDeleted, run.Result.MetricPointsDeleted, run.Result.HealthResultsDeleted));
        Assert.Null(run.Failure);
        Assert.InRange(run.At, DateTimeOffset.UtcNow - Eventually.DefaultTimeout, DateTimeOffset.UtcNow);

        // The record itself is a log record anyone can read, by service and by its task attribute, and the newest one
        // is what vigil status reads.
        Assert.Equal((RetentionRun.EventName, "vigil-serve"), (record!.EventName, record.Resource.ServiceName));
        Assert.StartsWith("retention deleted 2 log records, 0 spans", record.Body, StringComparison.Ordinal);
        Assert.NotNull(await RetentionRun.ReadLatestAsync(server.Store, CancellationToken.None));
    }

    [Fact]
    public void RetentionRun_Failed_ReadsBackAsTheFailure()
    {
        // Arrange
        var failed = new RetentionRun(DateTimeOffset.UnixEpoch, null, "database is locked");

        // Act
        var back = RetentionRun.Of(failed.ToRecord());

        // Assert
        Assert.Equal((DateTimeOffset.UnixEpoch, (RetentionResult?)null, "database is locked"), (back.At, back.Result, back.Failure));
        Assert.Equal(13, failed.ToRecord().SeverityNumber);
        Assert.Equal("failed: database is locked", back.Summary);
    }

    [Fact]
    public async Task Serve_NoRetentionConfigured_KeepsEverything()
    {
        await using var server = await TestServer.StartAsync(options => options.RetentionInterval = TimeSpan.FromSeconds(1));
        await server.Store.WriteAsync(new TelemetryBatch { Logs = [Aged("a year old", TimeSpan.FromDays(365))] }).DefaultTimeout();

        // A few intervals pass; without a Retention section nothing may go.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await server.Store.QueryLogsAsync(new LogQuery { ServiceName = "orders", Limit = 10 }));

        // And no retention run is recorded, since none ran.
        Assert.Null(await RetentionRun.ReadLatestAsync(server.Store, CancellationToken.None));
    }

    [Fact]
    public void Load_RetentionSection_IsRead()
    {
        var path = Path.Combine(_directory, "vigil.server.json");
        File.WriteAllText(path, """{ "Retention": { "MaxAge": "14d", "MaxSizeBytes": 1073741824, "Interval": "5m" } }""");

        var configuration = ServerConfigurationLoader.Load(path);

        Assert.Equal(new RetentionOptions { MaxAge = TimeSpan.FromDays(14), MaxSizeBytes = 1L << 30 }, configuration.Retention);
        Assert.Equal(TimeSpan.FromMinutes(5), configuration.RetentionInterval);
        Assert.Null(ServerConfigurationLoader.Load(Write("""{ "QueryTimeout": "10s" }""")).Retention);
    }

    [Theory]
    [InlineData("""{ "Retention": { "MaxAge": "30s" } }""", "Retention:MaxAge")]
    [InlineData("""{ "Retention": { "MaxAge": "forever" } }""", "Retention:MaxAge")]
    [InlineData("""{ "Retention": { "MaxSizeBytes": 10 } }""", "Retention:MaxSizeBytes")]
    [InlineData("""{ "Retention": { "MaxSizeBytes": -1 } }""", "Retention:MaxSizeBytes")]
    [InlineData("""{ "Retention": { "Interval": "0s" } }""", "Retention:Interval")]
    [InlineData("""{ "Retention": { "Interval": "2d" } }""", "Retention:Interval")]
    [InlineData("""{ "Retention": { "MaxAgeDays": 3 } }""", "Retention:MaxAgeDays")]
    [InlineData("""{ "Retention": 7 }""", "Retention")]
    public void Load_HostileRetention_NamesTheKey(string json, string key)
    {
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Load(Write(json)));
        Assert.Contains(exception.Details, p => string.Equals(p.Path, key, StringComparison.OrdinalIgnoreCase));
    }

    // Against the real clock, which the server's retention reads (Seed's records are around a fixed date).
    private static LogEntry Aged(string body, TimeSpan age) => Seed.Log(body) with { Timestamp = DateTimeOffset.UtcNow - age };

    private string Write(string json)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
