using Vigil.Storage.Tests.Grouping;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Error tracking: one exception reported as a log record and as a span event counts once.</summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task WriteAsync_LogAndSpanEventOfSameSpan_CountOnce()
    {
        // Arrange: what a tracked operation does: an Error log with the exception and an exception event on its span.
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;

        // Act
        await Store.WriteAsync(new TelemetryBatch
        {
            Logs = [SomeErrors.Log(exception, time.AddMilliseconds(2), trace: 5, span: 9)],
            Spans = [SomeErrors.Span(exception, time, trace: 5, span: 9)],
        });

        // Assert
        var group = Assert.Single(await GroupsAsync());
        Assert.Equal(1, group.Count);
        var detail = await Store.GetErrorGroupAsync(group.Id, 1, 10);
        Assert.Equal(ErrorEventSource.Log, Assert.Single(detail!.LatestEvents).Source);
        Assert.Equal(1, detail.HourlyCounts.Sum(h => h.Count));
    }

    [Fact]
    public async Task WriteAsync_LogAndSpanEventInSeparateBatches_CountOnce()
    {
        // Arrange: the log exporter and the trace exporter flush separately.
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;

        // Act
        await WriteSpansAsync(SomeErrors.Span(exception, time, trace: 5, span: 9));
        await WriteLogsAsync(SomeErrors.Log(exception, time.AddMilliseconds(-300), trace: 5, span: 9));

        // Assert
        Assert.Equal(1, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_RetryFailingThreeTimesInOneSpan_CountsThree()
    {
        // Arrange: three attempts, each logged and recorded as a span event.
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;
        var span = SomeErrors.Span(exception, time, trace: 5, span: 9, events: 3);

        // Act
        await Store.WriteAsync(new TelemetryBatch
        {
            Logs = [.. Enumerable.Range(0, 3).Select(_ => SomeErrors.Log(exception, time, trace: 5, span: 9))],
            Spans = [span],
        });

        // Assert
        Assert.Equal(3, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_SpanEventsOnlyRepeatedInOneSpan_CountEach()
    {
        // Act: same source twice is two occurrences, never a pair.
        await WriteSpansAsync(SomeErrors.Span(SomeErrors.Thrown(() => ThrowSite.Fail(1)), trace: 5, span: 9, events: 2));

        // Assert
        Assert.Equal(2, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_SameExceptionInDifferentSpans_CountsTwo()
    {
        // Arrange
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;

        // Act
        await Store.WriteAsync(new TelemetryBatch
        {
            Logs = [SomeErrors.Log(exception, time, trace: 5, span: 9)],
            Spans = [SomeErrors.Span(exception, time, trace: 5, span: 10)],
        });

        // Assert
        Assert.Equal(2, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_LogAndSpanEventMoreThanOneSecondApart_CountsTwo()
    {
        // Arrange
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;

        // Act
        await Store.WriteAsync(new TelemetryBatch
        {
            Logs = [SomeErrors.Log(exception, time.AddMilliseconds(1500), trace: 5, span: 9)],
            Spans = [SomeErrors.Span(exception, time, trace: 5, span: 9)],
        });

        // Assert
        Assert.Equal(2, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_LogWithoutTrace_IsNeverPaired()
    {
        // Arrange
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));

        // Act
        await Store.WriteAsync(new TelemetryBatch { Logs = [SomeErrors.Log(exception)], Spans = [SomeErrors.Span(exception)] });

        // Assert
        Assert.Equal(2, Assert.Single(await GroupsAsync()).Count);
    }
}
