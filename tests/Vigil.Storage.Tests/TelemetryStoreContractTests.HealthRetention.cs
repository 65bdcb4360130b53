using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Size-based retention and health results: a chatty probe must not grow a capped store forever.</summary>
public abstract partial class TelemetryStoreContractTests
{
    private static readonly string[] s_probes = ["db", "home", "queue"];

    [Fact]
    public async Task ApplyRetentionAsync_MaxSizeOverOnlyHealthResults_BroughtUnderAndEveryLatestSurvives()
    {
        // Arrange: 3 probes x 100 results of ~1 KB, interleaved every 5 s; each probe's last result is unhealthy.
        await WriteProbeRunsAsync(Some.BaseTime, perProbe: 100);
        var limit = (await Store.ApplyRetentionAsync(new RetentionOptions())).UsedBytesAfter / 2;

        // Act
        var result = await Store.ApplyRetentionAsync(new RetentionOptions { MaxSizeBytes = limit, ChunkSize = 25 });

        // Assert
        Assert.True(result.UsedBytesAfter <= limit, $"used {result.UsedBytesAfter} > limit {limit}");
        Assert.InRange(result.HealthResultsDeleted, 1, 297);
        await AssertEveryProbeLatestAsync(Some.BaseTime, perProbe: 100);
    }

    [Fact]
    public async Task ApplyRetentionAsync_MaxSizeBelowWhatTheLatestResultsNeed_DeletesAllButEachLatestAndStops()
    {
        // Arrange
        await WriteProbeRunsAsync(Some.BaseTime, perProbe: 40);

        // Act: a cap no store can meet; the pass must end rather than loop, and the current states stay.
        var first = await Store.ApplyRetentionAsync(new RetentionOptions { MaxSizeBytes = 1, ChunkSize = 7 });
        var again = await Store.ApplyRetentionAsync(new RetentionOptions { MaxSizeBytes = 1, ChunkSize = 7 });

        // Assert
        Assert.Equal((3 * 40) - 3, first.HealthResultsDeleted);
        Assert.Equal(0, again.HealthResultsDeleted);
        await AssertEveryProbeLatestAsync(Some.BaseTime, perProbe: 40);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ApplyRetentionAsync_MaxSizeWithHealthAndLogs_DeletesFromTheOlderSignalFirst(bool healthIsOlder)
    {
        // Arrange: one signal's records all lie a day before the other's.
        var healthStart = healthIsOlder ? Some.BaseTime : Some.BaseTime.AddDays(1);
        var logStart = healthIsOlder ? Some.BaseTime.AddDays(1) : Some.BaseTime;
        await WriteProbeRunsAsync(healthStart, perProbe: 60);
        var body = new string('x', 1000);
        await WriteLogsAsync([.. Enumerable.Range(0, 180).Select(i => Some.Log($"{body} {i}", time: logStart.AddSeconds(i)))]);
        var limit = (await Store.ApplyRetentionAsync(new RetentionOptions())).UsedBytesAfter - 1;

        // Act: one byte over the cap, so the pass stops after the first chunk or few.
        var result = await Store.ApplyRetentionAsync(new RetentionOptions { MaxSizeBytes = limit, ChunkSize = 20 });

        // Assert
        Assert.True(result.UsedBytesAfter <= limit, $"used {result.UsedBytesAfter} > limit {limit}");
        Assert.Equal(healthIsOlder, result.HealthResultsDeleted > 0);
        Assert.Equal(!healthIsOlder, result.LogsDeleted > 0);
        Assert.Equal(healthIsOlder ? 180 : 180 - result.LogsDeleted, (await Store.QueryLogsAsync(new LogQuery { Limit = 1000 })).Count);
        await AssertEveryProbeLatestAsync(healthStart, perProbe: 60);
    }

    /// <summary>Each probe runs every 15 s from <paramref name="start"/>, the three 5 s apart; the last run of each is unhealthy.</summary>
    private Task WriteProbeRunsAsync(DateTimeOffset start, int perProbe)
    {
        var description = new string('d', 1000);
        var results = new List<HealthResult>();
        for (var run = 0; run < perProbe; run++)
        {
            for (var p = 0; p < s_probes.Length; p++)
            {
                var last = run == perProbe - 1;
                results.Add(Probe(s_probes[p], last ? HealthStatus.Unhealthy : HealthStatus.Healthy, ProbeTime(start, run, p), description: last ? "last" : description));
            }
        }

        return Store.WriteAsync(new TelemetryBatch { HealthResults = results });
    }

    private async Task AssertEveryProbeLatestAsync(DateTimeOffset start, int perProbe)
    {
        // Just after the last run: no state is forgotten.
        Clock.Pinned = ProbeTime(start, perProbe, 0);
        var states = await Store.QueryHealthAsync(new HealthQuery());
        Assert.Equal(s_probes, states.Select(s => s.Latest.Name));
        for (var p = 0; p < s_probes.Length; p++)
        {
            var latest = states[p].Latest;
            Assert.Equal(HealthStatus.Unhealthy, latest.Status);
            Assert.Equal("last", latest.Description);
            Assert.Equal(ProbeTime(start, perProbe - 1, p).UtcTicks, latest.Timestamp.UtcTicks);
            Assert.Equal(ProbeTime(start, perProbe - 1, p).UtcTicks, states[p].Since.UtcTicks);
        }
    }

    private static DateTimeOffset ProbeTime(DateTimeOffset start, int run, int probe) => start.AddSeconds((run * 15) + (probe * 5));
}
