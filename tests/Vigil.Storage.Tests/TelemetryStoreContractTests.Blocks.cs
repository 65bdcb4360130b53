using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>
/// Records written together and stored together (SQLite keeps a batch's records of one service in one block) must
/// answer exactly as records stored one by one: a query's bounds and retention's cutoff may fall inside a batch.
/// </summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task QueryLogsAsync_OneBatchStraddlingTheTimeBounds_ReturnsOnlyTheRecordsInside()
    {
        // Arrange: ten records a minute apart in one write, all with the same word and trace.
        await WriteLogsAsync([.. Enumerable.Range(0, 10).Select(i => Some.Log($"tick {i} alpha", time: Some.BaseTime.AddMinutes(i), traceId: Some.TraceId(9)))]);
        var from = Some.BaseTime.AddMinutes(3);
        var to = Some.BaseTime.AddMinutes(7);
        var first = (await Store.QueryLogsAsync(new LogQuery { Limit = 1000 }))[0].Sequence;

        // Act
        var inside = await Store.QueryLogsAsync(new LogQuery { From = from, To = to });
        var newestTwo = await Store.QueryLogsAsync(new LogQuery { From = from, To = to, Limit = 2 });
        var text = await Store.QueryLogsAsync(new LogQuery { Text = "alpha", From = from, To = to });
        var textTwo = await Store.QueryLogsAsync(new LogQuery { Text = "alpha", From = from, To = to, Limit = 2 });
        var trace = await Store.QueryLogsAsync(new LogQuery { TraceId = Some.TraceId(9), From = from, To = to });
        var after = await Store.QueryLogsAsync(new LogQuery { AfterSequence = first, From = from, To = to, Limit = 3 });
        var fromOnly = await Store.QueryLogsAsync(new LogQuery { Text = "alpha", From = Some.BaseTime.AddMinutes(8) });
        var toOnly = await Store.QueryLogsAsync(new LogQuery { Text = "alpha", To = Some.BaseTime.AddMinutes(1) });

        // Assert
        Assert.Equal(["tick 3 alpha", "tick 4 alpha", "tick 5 alpha", "tick 6 alpha"], inside.Select(l => l.Body));
        Assert.Equal(["tick 5 alpha", "tick 6 alpha"], newestTwo.Select(l => l.Body));
        Assert.Equal(inside.Select(l => l.Body), text.Select(l => l.Body));
        Assert.Equal(["tick 5 alpha", "tick 6 alpha"], textTwo.Select(l => l.Body));
        Assert.Equal(inside.Select(l => l.Body), trace.Select(l => l.Body));
        Assert.Equal(["tick 3 alpha", "tick 4 alpha", "tick 5 alpha"], after.Select(l => l.Body));
        Assert.Equal(["tick 8 alpha", "tick 9 alpha"], fromOnly.Select(l => l.Body));
        Assert.Equal(["tick 0 alpha"], toOnly.Select(l => l.Body));
    }

    [Fact]
    public async Task QueryLogsAsync_BatchesInterleavedInTime_ReturnsTheNewestByTimeAcrossThem()
    {
        // Arrange: the second write's records fall between the first's.
        await WriteLogsAsync([.. Enumerable.Range(0, 5).Select(i => Some.Log($"even {2 * i}", time: Some.BaseTime.AddSeconds(2 * i)))]);
        await WriteLogsAsync([.. Enumerable.Range(0, 5).Select(i => Some.Log($"odd {(2 * i) + 1}", time: Some.BaseTime.AddSeconds((2 * i) + 1), service: "billing"))]);

        // Act
        var newest = await Store.QueryLogsAsync(new LogQuery { Limit = 3 });
        var window = await Store.QueryLogsAsync(new LogQuery { From = Some.BaseTime.AddSeconds(2), To = Some.BaseTime.AddSeconds(8), Limit = 4 });
        var severity = await Store.QueryLogsAsync(new LogQuery { MinimumSeverity = 9, ServiceName = "billing", Limit = 2 });

        // Assert
        Assert.Equal(["odd 7", "even 8", "odd 9"], newest.Select(l => l.Body));
        Assert.Equal(["even 4", "odd 5", "even 6", "odd 7"], window.Select(l => l.Body));
        Assert.Equal(["odd 7", "odd 9"], severity.Select(l => l.Body));
    }

    [Fact]
    public async Task ApplyRetentionAsync_MaxAgeCuttingThroughABatch_KeepsExactlyTheRecordsAtOrAfterTheCutoff()
    {
        // Arrange: one write whose records lie on both sides of the cutoff, of two services.
        var now = Some.BaseTime.AddDays(10);
        Clock.Pinned = now;
        var cutoff = now.AddDays(-1);
        await WriteLogsAsync(
            Some.Log("older record", time: cutoff.AddHours(-2), traceId: Some.TraceId(1)),
            Some.Log("justbefore record", time: cutoff.AddTicks(-1), service: "billing", traceId: Some.TraceId(2)),
            Some.Log("exactly record", time: cutoff, traceId: Some.TraceId(3)),
            Some.Log("newer record", time: cutoff.AddHours(1), service: "billing", traceId: Some.TraceId(4)),
            Some.Log("newest record", time: now, traceId: Some.TraceId(5)));
        var before = await Store.QueryLogsAsync(new LogQuery { AfterSequence = 0 });

        // Act
        var result = await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1), ChunkSize = 1 });
        var again = await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1) });
        await WriteLogsAsync(Some.Log("after retention record", time: now));

        // Assert: the records at or after the cutoff stay, with their sequences; the others are gone from every query.
        Assert.Equal(2, result.LogsDeleted);
        Assert.Equal(0, again.LogsDeleted);
        var kept = await Store.QueryLogsAsync(new LogQuery { AfterSequence = 0 });
        Assert.Equal(4, kept.Count);
        Assert.Equal(before.Where(l => l.Timestamp >= cutoff).Select(l => (l.Sequence, l.Body)), kept.Take(3).Select(l => (l.Sequence, l.Body)));
        Assert.Equal("after retention record", kept[^1].Body);
        Assert.True(kept[^1].Sequence > before.Max(l => l.Sequence));
        Assert.Empty(await Store.QueryLogsAsync(new LogQuery { Text = "older" }));
        Assert.Empty(await Store.QueryLogsAsync(new LogQuery { Text = "justbefore" }));
        Assert.Empty(await Store.QueryLogsAsync(new LogQuery { TraceId = Some.TraceId(2) }));
        Assert.Equal("exactly record", Assert.Single(await Store.QueryLogsAsync(new LogQuery { TraceId = Some.TraceId(3) })).Body);
        Assert.Equal("newer record", Assert.Single(await Store.QueryLogsAsync(new LogQuery { Text = "newer", ServiceName = "billing" })).Body);
        Assert.Equal(4, (await Store.QueryLogsAsync(new LogQuery { Text = "record" })).Count);
    }
}
