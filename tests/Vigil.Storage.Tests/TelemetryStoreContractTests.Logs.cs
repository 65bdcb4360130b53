using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task QueryLogsAsync_AfterWritingEveryField_ReturnsEveryField()
    {
        // Arrange
        var written = new LogEntry
        {
            Timestamp = Some.BaseTime.AddTicks(1234567),
            ObservedTimestamp = Some.BaseTime.AddSeconds(1),
            SeverityNumber = 17,
            SeverityText = "Error",
            Body = "payment failed for order 42",
            Attributes =
            [
                new("order.id", 42),
                new("amount", 19.5),
                new("whole", 3.0),
                new("retry", true),
                new("customer", "ada"),
                new("tags", new List<string> { "a", "b" }),
                new("codes", new List<long> { 1, 2 }),
                new("raw", Convert.FromHexString("0102FF")),
                new("missing", null),
                new("ratio", 0.25f),
            ],
            TraceId = Some.TraceId(7).ToUpperInvariant(),
            SpanId = Some.SpanId(3),
            TraceFlags = 1,
            EventName = "payment.failed",
            ExceptionType = "System.InvalidOperationException",
            ExceptionMessage = "card declined",
            ExceptionStackTrace = "at Shop.Pay()\n at Shop.Main()",
            Scope = Some.Scope(),
            Resource = Some.Resource(),
        };

        // Act
        await WriteLogsAsync(written);
        var read = Assert.Single(await Store.QueryLogsAsync(new LogQuery()));

        // Assert
        Assert.True(read.Sequence > 0);
        Assert.Equal(written.Timestamp, read.Timestamp);
        Assert.Equal(written.ObservedTimestamp, read.ObservedTimestamp);
        Assert.Equal(17, read.SeverityNumber);
        Assert.Equal("Error", read.SeverityText);
        Assert.Equal(written.Body, read.Body);
        AttributeAssert.Equal(written.Attributes, read.Attributes);
        Assert.Equal(Some.TraceId(7), read.TraceId);
        Assert.Equal(Some.SpanId(3), read.SpanId);
        Assert.Equal(1, read.TraceFlags);
        Assert.Equal("payment.failed", read.EventName);
        Assert.Equal(written.ExceptionType, read.ExceptionType);
        Assert.Equal(written.ExceptionMessage, read.ExceptionMessage);
        Assert.Equal(written.ExceptionStackTrace, read.ExceptionStackTrace);
        Assert.Equal("Shop.Checkout", read.Scope.Name);
        Assert.Equal("1.2.3", read.Scope.Version);
        AttributeAssert.Equal(written.Scope.Attributes, read.Scope.Attributes);
        Assert.Equal(written.Resource.SchemaUrl, read.Resource.SchemaUrl);
        AttributeAssert.Equal(written.Resource.Attributes, read.Resource.Attributes);
        Assert.Equal("checkout", read.Resource.ServiceName);
    }

    [Fact]
    public async Task QueryLogsAsync_NoFilters_ReturnsNewestLimitInAscendingTime()
    {
        // Arrange
        var logs = Enumerable.Range(0, 10).Select(i => Some.Log($"message {i}", time: Some.BaseTime.AddSeconds(10 - i))).ToArray();
        await WriteLogsAsync(logs);

        // Act
        var read = await Store.QueryLogsAsync(new LogQuery { Limit = 3 });

        // Assert: written newest first, read back as the three newest, oldest of them first.
        Assert.Equal(["message 2", "message 1", "message 0"], read.Select(l => l.Body));
    }

    [Fact]
    public async Task QueryLogsAsync_ServiceFilter_ReturnsOnlyThatService()
    {
        // Arrange
        await WriteLogsAsync(Some.Log("a", service: "checkout"), Some.Log("b", service: "billing"), Some.Log("c", service: "checkout"));

        // Act
        var read = await Store.QueryLogsAsync(new LogQuery { ServiceName = "billing" });

        // Assert
        Assert.Equal("b", Assert.Single(read).Body);
    }

    [Fact]
    public async Task QueryLogsAsync_MinimumSeverity_ExcludesLowerSeverities()
    {
        // Arrange
        await WriteLogsAsync(Some.Log("debug", severity: 5), Some.Log("warn", severity: 13), Some.Log("error", severity: 17));

        // Act
        var read = await Store.QueryLogsAsync(new LogQuery { MinimumSeverity = 13 });

        // Assert
        Assert.Equal(["error", "warn"], read.Select(l => l.Body).Order());
    }

    [Fact]
    public async Task QueryLogsAsync_TimeRange_IncludesFromExcludesTo()
    {
        // Arrange
        await WriteLogsAsync(
            Some.Log("before", time: Some.BaseTime.AddMinutes(-1)),
            Some.Log("at-from", time: Some.BaseTime),
            Some.Log("inside", time: Some.BaseTime.AddMinutes(1)),
            Some.Log("at-to", time: Some.BaseTime.AddMinutes(2)));

        // Act
        var read = await Store.QueryLogsAsync(new LogQuery { From = Some.BaseTime, To = Some.BaseTime.AddMinutes(2) });

        // Assert
        Assert.Equal(["at-from", "inside"], read.Select(l => l.Body));
    }

    [Fact]
    public async Task QueryLogsAsync_TextSearch_FindsWordsInBodyCaseInsensitively()
    {
        // Arrange
        await WriteLogsAsync(
            Some.Log("Connection refused by db-1"),
            Some.Log("connection pool exhausted"),
            Some.Log("user signed in"));

        // Act
        var refused = await Store.QueryLogsAsync(new LogQuery { Text = "connection REFUSED" });
        var connection = await Store.QueryLogsAsync(new LogQuery { Text = "connection" });

        // Assert
        Assert.Equal("Connection refused by db-1", Assert.Single(refused).Body);
        Assert.Equal(2, connection.Count);
    }

    [Fact]
    public async Task QueryLogsAsync_TextWithSearchSyntax_IsSearchedLiterallyNotParsed()
    {
        // Arrange
        await WriteLogsAsync(Some.Log("value \"quoted\" OR NOT here"), Some.Log("other"));

        // Act
        var read = await Store.QueryLogsAsync(new LogQuery { Text = "\"quoted\" OR NOT" });

        // Assert
        Assert.Equal("value \"quoted\" OR NOT here", Assert.Single(read).Body);
    }

    [Fact]
    public async Task QueryLogsAsync_TraceIdFilter_ReturnsThatTracesLogsInAnyCase()
    {
        // Arrange
        await WriteLogsAsync(Some.Log("in trace", traceId: Some.TraceId(0xabc)), Some.Log("other trace", traceId: Some.TraceId(2)), Some.Log("no trace"));

        // Act
        var read = await Store.QueryLogsAsync(new LogQuery { TraceId = Some.TraceId(0xabc).ToUpperInvariant() });

        // Assert
        Assert.Equal("in trace", Assert.Single(read).Body);
    }

    [Fact]
    public async Task QueryLogsAsync_AttributeFilters_RequireEveryPairToMatch()
    {
        // Arrange
        await WriteLogsAsync(
            Some.Log("a", attributes: [new("http.status_code", 500), new("region", "eu")]),
            Some.Log("b", attributes: [new("http.status_code", 500), new("region", "us")]),
            Some.Log("c", attributes: [new("http.status_code", 200), new("region", "eu")]),
            Some.Log("d", attributes: [new("ok", true), new("ratio", 0.5)]));

        // Act
        var both = await Store.QueryLogsAsync(new LogQuery { Attributes = [new("http.status_code", "500"), new("region", "eu")] });
        var status = await Store.QueryLogsAsync(new LogQuery { Attributes = [new("http.status_code", "500")] });
        var typed = await Store.QueryLogsAsync(new LogQuery { Attributes = [new("ok", "true"), new("ratio", "0.5")] });

        // Assert
        Assert.Equal("a", Assert.Single(both).Body);
        Assert.Equal(["a", "b"], status.Select(l => l.Body).Order());
        Assert.Equal("d", Assert.Single(typed).Body);
    }

    [Fact]
    public async Task QueryLogsAsync_AfterSequence_ReturnsOnlyNewerRowsInSequenceOrder()
    {
        // Arrange
        await WriteLogsAsync(Some.Log("first"), Some.Log("second"));
        var seen = await Store.QueryLogsAsync(new LogQuery());
        var last = seen[^1].Sequence;
        await WriteLogsAsync(Some.Log("third", time: Some.BaseTime.AddHours(-1)), Some.Log("fourth"));

        // Act
        var newer = await Store.QueryLogsAsync(new LogQuery { AfterSequence = last });
        var none = await Store.QueryLogsAsync(new LogQuery { AfterSequence = newer[^1].Sequence });

        // Assert: arrival order, even though "third" is timestamped earlier.
        Assert.Equal(["third", "fourth"], newer.Select(l => l.Body));
        Assert.True(newer[0].Sequence > last);
        Assert.Empty(none);
    }

    [Fact]
    public async Task QueryLogsAsync_CombinedFilters_ApplyAllOfThem()
    {
        // Arrange
        await WriteLogsAsync(
            Some.Log("disk full on node", severity: 17, service: "storage", attributes: [new("node", "n1")]),
            Some.Log("disk full on node", severity: 9, service: "storage", attributes: [new("node", "n1")]),
            Some.Log("disk full on node", severity: 17, service: "api", attributes: [new("node", "n1")]),
            Some.Log("disk ok", severity: 17, service: "storage", attributes: [new("node", "n1")]));

        // Act
        var read = await Store.QueryLogsAsync(new LogQuery
        {
            ServiceName = "storage",
            MinimumSeverity = 17,
            Text = "full",
            Attributes = [new("node", "n1")],
        });

        // Assert
        var log = Assert.Single(read);
        Assert.Equal(17, log.SeverityNumber);
        Assert.Equal("storage", log.Resource.ServiceName);
    }

    [Fact]
    public async Task QueryLogsAsync_TextWithLimit_ReturnsNewestMatchesNewestLast()
    {
        // Arrange
        await WriteLogsAsync(Enumerable.Range(0, 6)
            .Select(i => Some.Log(i % 2 == 0 ? $"cache miss {i}" : $"cache hit {i}", time: Some.BaseTime.AddSeconds(i)))
            .ToArray());

        // Act
        var read = await Store.QueryLogsAsync(new LogQuery { Text = "miss", Limit = 2 });
        var ranged = await Store.QueryLogsAsync(new LogQuery { Text = "miss", From = Some.BaseTime.AddSeconds(1), To = Some.BaseTime.AddSeconds(5) });
        var after = await Store.QueryLogsAsync(new LogQuery { Text = "miss", AfterSequence = read[0].Sequence });

        // Assert
        Assert.Equal(["cache miss 2", "cache miss 4"], read.Select(l => l.Body));
        Assert.Equal(["cache miss 2", "cache miss 4"], ranged.Select(l => l.Body));
        Assert.Equal(["cache miss 4"], after.Select(l => l.Body));
    }

    [Fact]
    public async Task QueryLogsAsync_PartOfAWord_DoesNotMatch()
    {
        // Arrange
        await WriteLogsAsync(Some.Log("upstream timeout"), Some.Log("time spent"));

        // Act
        var read = await Store.QueryLogsAsync(new LogQuery { Text = "time" });

        // Assert
        Assert.Equal("time spent", Assert.Single(read).Body);
    }
}
