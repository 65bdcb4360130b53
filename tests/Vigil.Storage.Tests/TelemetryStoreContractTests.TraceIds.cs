using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

public abstract partial class TelemetryStoreContractTests
{
    // Ids chosen around the range's edges: a prefix ending in 'f' or '9' must not reach the next digit's ids.
    private static readonly string[] s_prefixIds =
    [
        "c209b688aaaa00000000000000000001",
        "c209b688bbbb00000000000000000002",
        "c209ffff000000000000000000000003",
        "c20a0000000000000000000000000004",
        "c2090000000000000000000000000005",
        "c2089fff000000000000000000000006",
    ];

    private Task WritePrefixTracesAsync() =>
        WriteSpansAsync([.. s_prefixIds.Select((id, i) => Some.Span(1, i + 1) with { TraceId = id })]);

    [Fact]
    public async Task FindTraceIdsAsync_Prefix_EveryIdStartingWithItInOrder()
    {
        await WritePrefixTracesAsync();

        Assert.Equal([s_prefixIds[4], s_prefixIds[0], s_prefixIds[1], s_prefixIds[2]], await Store.FindTraceIdsAsync("c209", 10));
        Assert.Equal([s_prefixIds[0], s_prefixIds[1]], await Store.FindTraceIdsAsync("C209B688", 10));
        Assert.Equal([s_prefixIds[2]], await Store.FindTraceIdsAsync("c209f", 10));
        Assert.Equal([s_prefixIds[5]], await Store.FindTraceIdsAsync("c2089", 10));
        Assert.Equal([s_prefixIds[1]], await Store.FindTraceIdsAsync(s_prefixIds[1], 10));
    }

    [Fact]
    public async Task FindTraceIdsAsync_Limit_TheFirstIds()
    {
        await WritePrefixTracesAsync();

        Assert.Equal([s_prefixIds[4], s_prefixIds[0]], await Store.FindTraceIdsAsync("c209", 2));
    }

    [Fact]
    public async Task FindTraceIdsAsync_NoMatch_Empty()
    {
        await WritePrefixTracesAsync();

        Assert.Empty(await Store.FindTraceIdsAsync("dead", 10));
        Assert.Empty(await Store.FindTraceIdsAsync("c209b688c", 10));
    }

    [Theory]
    [InlineData("c20g")]
    [InlineData("c209%")]
    [InlineData("c209b688aaaa000000000000000000011")]
    public async Task FindTraceIdsAsync_NotHexDigits_Throws(string prefix)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindTraceIdsAsync(prefix, 10));
    }
}
