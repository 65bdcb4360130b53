using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task GetTraceAsync_AfterWritingEveryField_ReturnsEveryField()
    {
        // Arrange
        var written = new SpanEntry
        {
            TraceId = Some.TraceId(1),
            SpanId = Some.SpanId(2),
            ParentSpanId = Some.SpanId(1),
            TraceState = "vendor=abc",
            TraceFlags = 1,
            Name = "SELECT orders",
            Kind = SpanKind.Client,
            StartTime = Some.BaseTime.AddTicks(5),
            EndTime = Some.BaseTime.AddMilliseconds(42),
            StatusCode = SpanStatusCode.Error,
            StatusMessage = "timeout",
            Attributes = [new("db.system", "postgresql"), new("db.rows", 3)],
            Events =
            [
                new SpanEventEntry
                {
                    Name = "exception",
                    Timestamp = Some.BaseTime.AddMilliseconds(40),
                    Attributes = [new("exception.type", "TimeoutException")],
                },
            ],
            Links =
            [
                new SpanLinkEntry { TraceId = Some.TraceId(9), SpanId = Some.SpanId(9), TraceState = "k=v", Attributes = [new("reason", "batch")] },
            ],
            Resource = Some.Resource(),
            Scope = Some.Scope("Npgsql"),
        };

        // Act
        await WriteSpansAsync(written);
        var read = Assert.Single(await Store.GetTraceAsync(Some.TraceId(1)));

        // Assert
        Assert.Equal(written.TraceId, read.TraceId);
        Assert.Equal(written.SpanId, read.SpanId);
        Assert.Equal(written.ParentSpanId, read.ParentSpanId);
        Assert.Equal("vendor=abc", read.TraceState);
        Assert.Equal(1, read.TraceFlags);
        Assert.Equal("SELECT orders", read.Name);
        Assert.Equal(SpanKind.Client, read.Kind);
        Assert.Equal(written.StartTime, read.StartTime);
        Assert.Equal(written.EndTime, read.EndTime);
        Assert.Equal(written.Duration, read.Duration);
        Assert.Equal(SpanStatusCode.Error, read.StatusCode);
        Assert.Equal("timeout", read.StatusMessage);
        AttributeAssert.Equal(written.Attributes, read.Attributes);
        var spanEvent = Assert.Single(read.Events);
        Assert.Equal("exception", spanEvent.Name);
        Assert.Equal(written.Events[0].Timestamp, spanEvent.Timestamp);
        AttributeAssert.Equal(written.Events[0].Attributes, spanEvent.Attributes);
        var link = Assert.Single(read.Links);
        Assert.Equal(Some.TraceId(9), link.TraceId);
        Assert.Equal(Some.SpanId(9), link.SpanId);
        Assert.Equal("k=v", link.TraceState);
        AttributeAssert.Equal(written.Links[0].Attributes, link.Attributes);
        Assert.Equal("Npgsql", read.Scope.Name);
        AttributeAssert.Equal(written.Resource.Attributes, read.Resource.Attributes);
    }

    [Fact]
    public async Task GetTraceAsync_UnknownTrace_ReturnsEmpty()
    {
        // Arrange
        await WriteSpansAsync(Some.Span(1, 1));

        // Act
        var read = await Store.GetTraceAsync(Some.TraceId(2));

        // Assert
        Assert.Empty(read);
    }

    [Fact]
    public async Task QueryTracesAsync_SpansArriveChildFirst_SummarisesRootNameServiceCountDurationAndError()
    {
        // Arrange: the child arrives in an earlier batch than its root, as exporters often send them.
        await WriteSpansAsync(Some.Span(1, 2, parent: 1, name: "db", start: Some.BaseTime.AddMilliseconds(5), duration: TimeSpan.FromMilliseconds(100), status: SpanStatusCode.Error, service: "db-proxy"));
        await WriteSpansAsync(Some.Span(1, 1, name: "GET /orders", start: Some.BaseTime, duration: TimeSpan.FromMilliseconds(50), service: "api"));

        // Act
        var summary = Assert.Single(await Store.QueryTracesAsync(new TraceQuery()));

        // Assert
        Assert.Equal(Some.TraceId(1), summary.TraceId);
        Assert.Equal("GET /orders", summary.RootSpanName);
        Assert.Equal("api", summary.ServiceName);
        Assert.Equal(2, summary.SpanCount);
        Assert.Equal(Some.BaseTime, summary.StartTime);
        Assert.Equal(TimeSpan.FromMilliseconds(105), summary.Duration);
        Assert.True(summary.HasError);
    }

    [Fact]
    public async Task QueryTracesAsync_Filters_SelectByServiceFromDurationAndErrors()
    {
        // Arrange
        await WriteSpansAsync(
            Some.Span(1, 1, start: Some.BaseTime, duration: TimeSpan.FromMilliseconds(10), service: "api"),
            Some.Span(2, 1, start: Some.BaseTime.AddMinutes(1), duration: TimeSpan.FromSeconds(2), service: "api"),
            Some.Span(2, 2, parent: 1, start: Some.BaseTime.AddMinutes(1), service: "worker"),
            Some.Span(3, 1, start: Some.BaseTime.AddMinutes(2), status: SpanStatusCode.Error, service: "worker"));

        // Act
        var all = await Store.QueryTracesAsync(new TraceQuery());
        var worker = await Store.QueryTracesAsync(new TraceQuery { ServiceName = "worker" });
        var later = await Store.QueryTracesAsync(new TraceQuery { From = Some.BaseTime.AddSeconds(30) });
        var slow = await Store.QueryTracesAsync(new TraceQuery { MinDuration = TimeSpan.FromSeconds(1) });
        var errors = await Store.QueryTracesAsync(new TraceQuery { ErrorsOnly = true });
        var limited = await Store.QueryTracesAsync(new TraceQuery { Limit = 1 });

        // Assert
        Assert.Equal([Some.TraceId(3), Some.TraceId(2), Some.TraceId(1)], all.Select(t => t.TraceId));
        Assert.Equal([Some.TraceId(3), Some.TraceId(2)], worker.Select(t => t.TraceId));
        Assert.Equal([Some.TraceId(3), Some.TraceId(2)], later.Select(t => t.TraceId));
        Assert.Equal(Some.TraceId(2), Assert.Single(slow).TraceId);
        Assert.Equal(Some.TraceId(3), Assert.Single(errors).TraceId);
        Assert.Equal(Some.TraceId(3), Assert.Single(limited).TraceId);
    }

    [Fact]
    public async Task QueryTracesAsync_RootName_SelectsTracesWhoseRootHasExactlyThatName()
    {
        // Arrange: the same name in another case, with LIKE's own characters, on a child span, and on a trace whose root never came.
        await WriteSpansAsync(
            Some.Span(1, 1, name: "GET /orders", start: Some.BaseTime),
            Some.Span(2, 1, name: "GET /Orders", start: Some.BaseTime.AddSeconds(1)),
            Some.Span(3, 1, name: "GET /orders%", start: Some.BaseTime.AddSeconds(2)),
            Some.Span(4, 1, name: "worker loop", start: Some.BaseTime.AddSeconds(3)),
            Some.Span(4, 2, parent: 1, name: "GET /orders", start: Some.BaseTime.AddSeconds(3)),
            Some.Span(5, 2, parent: 1, name: "GET /orders", start: Some.BaseTime.AddSeconds(4)),
            Some.Span(6, 1, name: "GET /orders", start: Some.BaseTime.AddSeconds(5), service: "other"));

        // Act
        var orders = await Store.QueryTracesAsync(new TraceQuery { RootName = "GET /orders" });
        var ofOther = await Store.QueryTracesAsync(new TraceQuery { RootName = "GET /orders", ServiceName = "other" });
        var pattern = await Store.QueryTracesAsync(new TraceQuery { RootName = "GET /orders%" });
        var none = await Store.QueryTracesAsync(new TraceQuery { RootName = "GET /" });

        // Assert
        Assert.Equal([Some.TraceId(6), Some.TraceId(1)], orders.Select(t => t.TraceId));
        Assert.All(orders, t => Assert.Equal("GET /orders", t.RootSpanName));
        Assert.Equal(Some.TraceId(6), Assert.Single(ofOther).TraceId);
        Assert.Equal(Some.TraceId(3), Assert.Single(pattern).TraceId);
        Assert.Empty(none);
    }

    [Fact]
    public async Task GetTraceAsync_SeveralSpans_ReturnsThemByStartTime()
    {
        // Arrange
        await WriteSpansAsync(
            Some.Span(1, 3, parent: 1, name: "third", start: Some.BaseTime.AddMilliseconds(20)),
            Some.Span(1, 1, name: "first", start: Some.BaseTime),
            Some.Span(1, 2, parent: 1, name: "second", start: Some.BaseTime.AddMilliseconds(10)),
            Some.Span(2, 1, name: "other trace"));

        // Act
        var spans = await Store.GetTraceAsync(Some.TraceId(1));

        // Assert
        Assert.Equal(["first", "second", "third"], spans.Select(s => s.Name));
    }
}
