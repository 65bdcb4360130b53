using Vigil.Grouping;
using Vigil.Model;
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
    public async Task WriteAsync_LogRenderedAfterFurtherUnwinding_PairedIntoTheSpanEventsGroup()
    {
        // Arrange: a log-and-rethrow whose log exporter renders the exception text later (OpenTelemetry's OTLP
        // exporter does), by when it has unwound through more frames than the span event recorded at the catch.
        var (atCatch, unwound) = LogAndRethrow();
        var time = DateTimeOffset.UtcNow;
        var spanEvent = SomeErrors.Span(unwound.GetType().FullName!, unwound.Message, atCatch, time, trace: 5, span: 9);
        var log = SomeErrors.Log(unwound, time.AddMilliseconds(1), trace: 5, span: 9);
        Assert.NotEqual(
            ExceptionFingerprinter.Compute(new ExceptionDetails { StackTrace = atCatch }).Value,
            ExceptionFingerprinter.Compute(new ExceptionDetails { StackTrace = log.ExceptionStackTrace }).Value);

        // Act: the first occurrence span event first, the second one log first.
        await WriteSpansAsync(spanEvent);
        await WriteLogsAsync(log);
        await WriteLogsAsync(log with { SpanId = Some.SpanId(10), Timestamp = time.AddSeconds(5) });
        await WriteSpansAsync(SomeErrors.Span(unwound.GetType().FullName!, unwound.Message, atCatch, time.AddSeconds(5), trace: 5, span: 10));

        // Assert: one group, one count per occurrence.
        Assert.Equal(2, Assert.Single(await GroupsAsync()).Count);
    }

    private static (string AtCatch, Exception Unwound) LogAndRethrow()
    {
        string? atCatch = null;
        try
        {
            RethrowAfterRecording(text => atCatch = text);
        }
        catch (KeyNotFoundException exception)
        {
            return (atCatch!, exception);
        }

        throw new InvalidOperationException("Nothing was thrown.");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void RethrowAfterRecording(Action<string> record)
    {
        try
        {
            ThrowSite.Fail(7);
        }
        catch (KeyNotFoundException exception)
        {
            record(exception.ToString());
            throw;
        }
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
