using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>
/// Paging back with <see cref="LogQuery.BeforeSequence"/>, checked against the records written: every match exactly
/// once, newest stored first, across blocks, batches and services, whatever the records' own times.
/// </summary>
public abstract partial class TelemetryStoreContractTests
{
    [Theory]
    [InlineData(null, null, 7)]
    [InlineData("checkout", null, 5)]
    [InlineData(null, "alpha", 3)]
    [InlineData("billing", "alpha", 1)]
    public async Task QueryLogsAsync_BeforeSequencePages_GiveEveryMatchOnceNewestFirst(string? service, string? text, int limit)
    {
        // Arrange: six batches (several blocks each), two services, times out of arrival order.
        var random = new Random(29);
        for (var batch = 0; batch < 6; batch++)
        {
            await WriteLogsAsync([.. Enumerable.Range(0, 23).Select(i => Some.Log(
                $"{(i % 3 == 0 ? "alpha" : "beta")} record {batch}-{i}",
                time: Some.BaseTime.AddSeconds(random.Next(0, 3600)),
                service: i % 4 == 0 ? "billing" : "checkout"))]);
        }

        var all = await Store.QueryLogsAsync(new LogQuery { Limit = 10_000, AfterSequence = 0 });
        var expected = all
            .Where(e => (service is null || e.Resource.ServiceName == service) && (text is null || e.Body!.Contains(text, StringComparison.Ordinal)))
            .Select(e => e.Sequence)
            .OrderDescending()
            .ToList();

        // Act: page back from above every sequence until a page comes back short.
        var seen = new List<long>();
        var before = long.MaxValue;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await Store.QueryLogsAsync(new LogQuery { ServiceName = service, Text = text, Limit = limit, BeforeSequence = before });
            Assert.True(page.Count <= limit);
            Assert.Equal(page.Select(e => e.Sequence).Order(), page.Select(e => e.Sequence));
            seen.AddRange(page.Select(e => e.Sequence).Reverse());
            if (page.Count < limit)
            {
                break;
            }

            before = page[0].Sequence;
        }

        // Assert
        Assert.Equal(6 * 23, all.Count);
        Assert.True(expected.Count > limit * 2, "the sample must span several pages");
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task QueryLogsAsync_BeforeAndAfterTogether_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.QueryLogsAsync(new LogQuery { AfterSequence = 1, BeforeSequence = 5 }));
        Assert.Contains("not both", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryLogsAsync_BeforeTheFirstSequence_IsEmpty()
    {
        await WriteLogsAsync(Some.Log("only"));
        var first = (await Store.QueryLogsAsync(new LogQuery { AfterSequence = 0 }))[0].Sequence;

        Assert.Empty(await Store.QueryLogsAsync(new LogQuery { BeforeSequence = first }));
        Assert.Single(await Store.QueryLogsAsync(new LogQuery { BeforeSequence = first + 1 }));
    }
}
