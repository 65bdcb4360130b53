using Vigil.Storage.Tests.Grouping;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Error group ids: users read them as counts, so they are dense however often groups are updated.</summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task WriteAsync_ManyEventsForTwoGroups_GivesTheGroupsIdsOneAndTwo()
    {
        // Arrange: events of both groups, in one batch and in batches of their own, as a busy sender writes them.
        var first = SomeErrors.Thrown(() => ThrowSite.FromCheckout(1));
        var second = SomeErrors.Thrown(() => throw new InvalidOperationException("Payment declined"));
        var time = DateTimeOffset.UtcNow.AddMinutes(-5);
        await WriteLogsAsync([.. Enumerable.Range(0, 50).Select(i => SomeErrors.Log(first, time.AddSeconds(i)))]);

        // Act
        await WriteLogsAsync([.. Enumerable.Range(0, 50).Select(i => SomeErrors.Log(i % 2 == 0 ? first : second, time.AddSeconds(100 + i)))]);
        for (var i = 0; i < 20; i++)
        {
            await WriteLogsAsync(SomeErrors.Log(i % 2 == 0 ? first : second, time.AddSeconds(200 + i)));
        }

        // Assert
        var groups = await GroupsAsync();
        Assert.Equal([1L, 2L], groups.Select(group => group.Id).Order());
        Assert.Equal(120, groups.Sum(group => group.Count));
    }
}
