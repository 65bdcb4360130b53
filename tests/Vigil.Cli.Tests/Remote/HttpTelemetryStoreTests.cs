using Vigil.Cli.Remote;
using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Remote;

public sealed class HttpTelemetryStoreTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void OffersOnlyTheReadingAndTriageRoles_NeverAWriteItWouldRefuse()
    {
        // A server's query API is read-only: telemetry reaches it over OTLP and it applies its own retention.
        Assert.True(typeof(IQueryStore).IsAssignableFrom(typeof(HttpTelemetryStore)));
        Assert.False(typeof(ITelemetryWriter).IsAssignableFrom(typeof(HttpTelemetryStore)));
        Assert.False(typeof(IRetentionStore).IsAssignableFrom(typeof(HttpTelemetryStore)));
    }

    [Theory]
    [InlineData(1, "?d=0.0001ms")]
    [InlineData(2_500_000, "?d=250ms")]
    [InlineData(36_000_000_000, "?d=3600000ms")]
    public void QueryString_Duration_IsExactToTheTick(long ticks, string expected)
    {
        Assert.Equal(expected, new QueryString().Add("d", TimeSpan.FromTicks(ticks)).ToString());
    }

    [Fact]
    public async Task Queries_RoundTripEveryAttributeTypeAndTheLogCursor()
    {
        using var file = new TempStore();
        await file.WriteLogsAsync(Some.Log("typed", attributes: [new("d", 1.0), new("l", 1L), new("b", false), new("bytes", new byte[] { 1, 2 }), new("list", new object?[] { "x", 2L, 0.5 }), new("nan", double.NaN)]));
        await using var server = await LoopbackServer.StartAsync(file.Path);
        await using var remote = new HttpTelemetryStore(new Uri(server.Url + "/"), apiKey: null);
        var local = SqliteTelemetryStore.Open(file.Path, TelemetryStoreOptions.Reader);
        await using (local.ConfigureAwait(false))
        {
            var expected = Assert.Single(await local.QueryLogsAsync(new LogQuery()).WaitAsync(s_timeout));
            var actual = Assert.Single(await remote.QueryLogsAsync(new LogQuery()).WaitAsync(s_timeout));
            var later = await remote.QueryLogsAsync(new LogQuery { AfterSequence = actual.Sequence }).WaitAsync(s_timeout);

            Assert.Equal(expected.Sequence, actual.Sequence);
            Assert.Equal(expected.Timestamp, actual.Timestamp);
            Assert.Equal(
                expected.Attributes.Select(a => (a.Key, a.Value?.GetType(), Text(a.Value))),
                actual.Attributes.Select(a => (a.Key, a.Value?.GetType(), Text(a.Value))));
            Assert.Empty(later);
        }
    }

    private static string Text(object? value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        object?[] items => string.Join('|', items.Select(i => $"{i?.GetType().Name}:{i}")),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
    };
}
