using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>QueryHealthHistoryAsync: each check's newest results of a range, checked against the results written.</summary>
public abstract partial class TelemetryStoreContractTests
{
    private static readonly HealthStatus[] s_historyStatuses = [HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Unhealthy];

    [Fact]
    public async Task QueryHealthHistoryAsync_EmptyStore_ReturnsNothing()
    {
        // Act
        var histories = await Store.QueryHealthHistoryAsync(new HealthHistoryQuery());

        // Assert
        Assert.Empty(histories);
    }

    [Fact]
    public async Task QueryHealthHistoryAsync_SeveralChecks_EachItsNewestResultsNewestFirstBoundedPerCheck()
    {
        // Arrange: three checks of two kinds, results written out of time order over several batches.
        var written = await WriteHistoryAsync();

        // Act
        var histories = await Store.QueryHealthHistoryAsync(new HealthHistoryQuery { PerCheck = 7 });

        // Assert
        AssertHistories(Expected(written, _ => true, 7), histories);
        Assert.Equal([7, 7, 5], histories.Select(h => h.Results.Count));
    }

    [Fact]
    public async Task QueryHealthHistoryAsync_TimeRange_FromInclusiveToExclusive()
    {
        // Arrange
        var written = await WriteHistoryAsync();
        var from = Some.BaseTime.AddSeconds(30 * 4);
        var to = Some.BaseTime.AddSeconds(30 * 12);

        // Act
        var histories = await Store.QueryHealthHistoryAsync(new HealthHistoryQuery { From = from, To = to, PerCheck = 100 });

        // Assert: results 4 to 11 of each check, none at `to`; the probe's 5th (its last).
        AssertHistories(Expected(written, r => r.Timestamp >= from && r.Timestamp < to, 100), histories);
        Assert.Equal([8, 8, 1], histories.Select(h => h.Results.Count));
    }

    [Fact]
    public async Task QueryHealthHistoryAsync_Filters_OnlyTheMatchingCheck()
    {
        // Arrange
        var written = await WriteHistoryAsync();

        // Act
        var byKind = await Store.QueryHealthHistoryAsync(new HealthHistoryQuery { Kind = HealthSourceKind.Check });
        var byService = await Store.QueryHealthHistoryAsync(new HealthHistoryQuery { ServiceName = "orders", Name = "cache" });
        var none = await Store.QueryHealthHistoryAsync(new HealthHistoryQuery { ServiceName = "orders", Name = "api" });

        // Assert
        AssertHistories(Expected(written, r => r.Kind == HealthSourceKind.Check, HealthHistoryQuery.DefaultPerCheck), byKind);
        AssertHistories(Expected(written, r => r.ServiceName == "orders" && r.Name == "cache", HealthHistoryQuery.DefaultPerCheck), byService);
        Assert.Empty(none);
    }

    [Fact]
    public async Task QueryHealthHistoryAsync_CheckWithNoResultInRange_IsLeftOut()
    {
        // Arrange: "api" stopped reporting after its 5th result; the others go on.
        var written = await WriteHistoryAsync();
        var from = Some.BaseTime.AddSeconds(30 * 20);

        // Act
        var histories = await Store.QueryHealthHistoryAsync(new HealthHistoryQuery { From = from });

        // Assert
        Assert.Equal(["cache", "database"], histories.Select(h => h.Name));
        AssertHistories(Expected(written, r => r.Timestamp >= from, HealthHistoryQuery.DefaultPerCheck), histories);
    }

    // Writes 30 results of each of two checks (orders/cache, orders/database) and 5 of a probe (api), 30 s apart,
    // statuses and durations varying, in batches of mixed checks, each batch's results newest first.
    private async Task<List<HealthResult>> WriteHistoryAsync()
    {
        var written = new List<HealthResult>();
        for (var i = 0; i < 30; i++)
        {
            var time = Some.BaseTime.AddSeconds(30 * i);
            written.Add(HistoryCheck("cache", s_historyStatuses[i % 3], time, i));
            written.Add(HistoryCheck("database", s_historyStatuses[(i / 4) % 3], time, i + 100));
            if (i < 5)
            {
                written.Add(Probe("api", s_historyStatuses[(i + 1) % 3], time, duration: TimeSpan.FromMilliseconds(i + 0.5)));
            }
        }

        foreach (var batch in written.Chunk(7))
        {
            await Store.WriteAsync(new TelemetryBatch { HealthResults = [.. batch.Reverse()] });
        }

        return written;
    }

    private static HealthResult HistoryCheck(string name, HealthStatus status, DateTimeOffset time, int milliseconds) => new()
    {
        Name = name,
        Kind = HealthSourceKind.Check,
        ServiceName = "orders",
        Status = status,
        Observed = status,
        Timestamp = time,
        Duration = TimeSpan.FromMilliseconds(milliseconds),
        Description = status == HealthStatus.Healthy ? null : $"{name} is {status}",
    };

    // What the store must answer, worked out from the results written: by kind, service and name, newest first.
    private static List<(HealthSourceKind Kind, string? Service, string Name, List<HealthHistoryEntry> Results)> Expected(
        List<HealthResult> written, Func<HealthResult, bool> match, int perCheck) =>
        [.. written.Where(match)
            .GroupBy(r => (r.Kind, r.ServiceName, r.Name))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.ServiceName, StringComparer.Ordinal).ThenBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => (g.Key.Kind, g.Key.ServiceName, g.Key.Name, g.OrderByDescending(r => r.Timestamp).Take(perCheck)
                .Select(r => new HealthHistoryEntry { Timestamp = r.Timestamp, Status = r.Status, Observed = r.Observed, Duration = r.Duration, Description = r.Description })
                .ToList()))];

    private static void AssertHistories(
        List<(HealthSourceKind Kind, string? Service, string Name, List<HealthHistoryEntry> Results)> expected, IReadOnlyList<HealthHistory> actual)
    {
        Assert.Equal(expected.Select(e => (e.Kind, e.Service, e.Name)), actual.Select(a => (a.Kind, a.ServiceName, a.Name)));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Results, actual[i].Results);
        }
    }
}
