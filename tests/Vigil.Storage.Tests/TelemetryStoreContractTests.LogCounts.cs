using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>
/// Counting log records for alert rules: every count is checked against the records written (filtered in memory) and
/// against the records the query itself returns, over windows that cut through blocks and ones that cover them.
/// </summary>
public abstract partial class TelemetryStoreContractTests
{
    /// <summary>Three writes of two services, 120 records each a second apart: six blocks, three per service.</summary>
    private async Task<List<LogEntry>> WriteCountableLogsAsync()
    {
        var written = new List<LogEntry>();
        for (var write = 0; write < 3; write++)
        {
            var batch = new List<LogEntry>();
            for (var i = 0; i < 120; i++)
            {
                var n = (write * 120) + i;
                var service = n % 3 == 0 ? "billing" : "checkout";
                var severity = n % 7 == 0 ? 17 : n % 5 == 0 ? 13 : 9;
                var body = n % 4 == 0 ? $"payment declined {n}" : $"order placed {n}";
                batch.Add(Some.Log(body, severity, Some.BaseTime.AddSeconds(n), service, attributes: [new("region", n % 2 == 0 ? "eu" : "us")]));
            }

            await WriteLogsAsync([.. batch]);
            written.AddRange(batch);
        }

        return written;
    }

    public static TheoryData<string> CountFilters => ["none", "service", "level", "text", "attribute", "everything"];

    [Theory]
    [MemberData(nameof(CountFilters))]
    public async Task CountLogsByServiceAsync_WindowsAcrossBlocks_EqualTheRecordsThatMatch(string filters)
    {
        // Arrange
        var written = await WriteCountableLogsAsync();
        LogQuery Filtered(LogQuery query) => filters switch
        {
            "service" => query with { ServiceName = "billing" },
            "level" => query with { MinimumSeverity = 13 },
            "text" => query with { Text = "declined" },
            "attribute" => query with { Attributes = [new("region", "eu")] },
            "everything" => query with { ServiceName = "checkout", MinimumSeverity = 13, Text = "payment", Attributes = [new("region", "eu")] },
            _ => query,
        };
        bool Matches(LogEntry log) => filters switch
        {
            "service" => log.Resource.ServiceName == "billing",
            "level" => log.SeverityNumber >= 13,
            "text" => log.Body!.Contains("declined", StringComparison.Ordinal),
            "attribute" => (string?)log.Attributes[0].Value == "eu",
            "everything" => log.Resource.ServiceName == "checkout" && log.SeverityNumber >= 13 && log.Body!.StartsWith("payment", StringComparison.Ordinal) && (string?)log.Attributes[0].Value == "eu",
            _ => true,
        };
        (int From, int To)[] windows = [(0, 360), (50, 250), (120, 240), (119, 121), (0, 1), (359, 400), (400, 500)];

        foreach (var (fromSecond, toSecond) in windows)
        {
            var query = Filtered(new LogQuery { From = Some.BaseTime.AddSeconds(fromSecond), To = Some.BaseTime.AddSeconds(toSecond) });

            // Act: twice, so that a count kept from the first must agree with the records on the second.
            var first = await Store.CountLogsByServiceAsync(query);
            var second = await Store.CountLogsByServiceAsync(query);
            var returned = await Store.QueryLogsAsync(query with { Limit = 10_000 });

            // Assert
            var expected = written
                .Where(l => l.Timestamp >= query.From && l.Timestamp < query.To && Matches(l))
                .GroupBy(l => l.Resource.ServiceName!)
                .ToDictionary(g => g.Key, g => (long)g.Count());
            Assert.Equal(expected.OrderBy(e => e.Key), first.OrderBy(e => e.Key));
            Assert.Equal(expected.OrderBy(e => e.Key), second.OrderBy(e => e.Key));
            Assert.Equal(returned.Count, first.Values.Sum());
        }
    }

    [Fact]
    public async Task CountLogsByServiceAsync_AfterSequence_CountsOnlyLaterRecords()
    {
        // Arrange
        var written = await WriteCountableLogsAsync();
        var all = await Store.QueryLogsAsync(new LogQuery { Limit = 10_000 });
        var after = all.OrderBy(l => l.Sequence).ElementAt(100).Sequence;

        // Act
        var counts = await Store.CountLogsByServiceAsync(new LogQuery { AfterSequence = after });

        // Assert
        Assert.Equal(written.Count - 101, counts.Values.Sum());
        Assert.Equal(all.Count(l => l.Sequence > after && l.Resource.ServiceName == "billing"), counts["billing"]);
    }

    [Fact]
    public async Task CountLogsByServiceAsync_EmptyWindow_IsEmpty()
    {
        // Arrange
        await WriteCountableLogsAsync();

        // Act
        var before = await Store.CountLogsByServiceAsync(new LogQuery { From = Some.BaseTime.AddHours(-1), To = Some.BaseTime });
        var none = await Store.CountLogsByServiceAsync(new LogQuery { Text = "nowhere", From = Some.BaseTime, To = Some.BaseTime.AddHours(1) });

        // Assert
        Assert.Empty(before);
        Assert.Empty(none);
    }

    [Fact]
    public async Task CountLogsByServiceAsync_TextWithoutAWord_IsRefused()
    {
        await WriteCountableLogsAsync();

        var refused = await Assert.ThrowsAsync<QueryRefusedException>(() => Store.CountLogsByServiceAsync(new LogQuery { Text = "%%" }));

        Assert.Contains("letter or digit", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountLogsByServiceAsync_AfterRetentionRewritesABlock_CountsWhatIsLeft()
    {
        // Arrange: a count over the whole window first, so that the store may keep per-block counts.
        var written = await WriteCountableLogsAsync();
        var window = new LogQuery { MinimumSeverity = 13, From = Some.BaseTime, To = Some.BaseTime.AddHours(1) };
        Assert.Equal(written.Count(l => l.SeverityNumber >= 13), (await Store.CountLogsByServiceAsync(window)).Values.Sum());
        Clock.Pinned = Some.BaseTime.AddSeconds(60).AddDays(1);

        // Act: retention by age cuts the first blocks at 60 s.
        await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1) });
        var counts = await Store.CountLogsByServiceAsync(window);

        // Assert
        Assert.Equal(written.Count(l => l.SeverityNumber >= 13 && l.Timestamp >= Some.BaseTime.AddSeconds(60)), counts.Values.Sum());
    }
}
