using Vigil.Model;
using Vigil.Storage.Tests.Grouping;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Error tracking: every report carrying one <see cref="ExceptionIdentity"/> is one occurrence.</summary>
public abstract partial class TelemetryStoreContractTests
{
    private static KeyValuePair<string, object?> ExceptionId(object? id) => new(ExceptionIdentity.AttributeName, id);

    private static LogEntry LogWithId(Exception exception, string stackTrace, object? id, DateTimeOffset time, int? trace = null, int? span = null) =>
        SomeErrors.Log(exception, time, trace: trace, span: span, attributes: [ExceptionId(id)]) with { ExceptionStackTrace = stackTrace };

    /// <summary>A span whose exception events carry the given ids, one event per id.</summary>
    private static SpanEntry SpanWithIds(Exception exception, DateTimeOffset time, int trace, int span, params string[] ids)
    {
        var template = SomeErrors.Span(exception, time, trace: trace, span: span);
        var exceptionEvent = Assert.Single(template.Events);
        return template with
        {
            Events = [.. ids.Select(id => exceptionEvent with { Attributes = [.. exceptionEvent.Attributes, ExceptionId(id)] })],
        };
    }

    [Fact]
    public async Task WriteAsync_ExceptionLoggedByInnerAndOuterCatch_OneOccurrenceInOneGroup()
    {
        // Arrange: a log-and-rethrow logged again by an outer catch, outside any span: two stack texts, one exception.
        var (atCatch, unwound) = LogAndRethrow();
        var time = DateTimeOffset.UtcNow;
        var inner = LogWithId(unwound, atCatch, "e1", time);
        var outer = LogWithId(unwound, unwound.ToString(), "e1", time.AddMilliseconds(40));

        // Act
        await WriteLogsAsync(inner, outer);

        // Assert
        var group = Assert.Single(await GroupsAsync());
        Assert.Equal(1, group.Count);
        var detail = await Store.GetErrorGroupAsync(group.Id, 1, 10);
        Assert.Single(detail!.LatestEvents);
    }

    [Fact]
    public async Task WriteAsync_OuterCatchFingerprintAfterIdMatch_JoinsTheFirstGroup()
    {
        // Arrange: the outer catch's longer stack became an alias when it was matched by id.
        var (atCatch, unwound) = LogAndRethrow();
        var time = DateTimeOffset.UtcNow;
        await WriteLogsAsync(LogWithId(unwound, atCatch, "e1", time), LogWithId(unwound, unwound.ToString(), "e1", time));

        // Act: a later exception reported only by the outer catch.
        await WriteLogsAsync(LogWithId(unwound, unwound.ToString(), "e2", time.AddSeconds(3)));

        // Assert
        Assert.Equal(2, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_SameIdOnSpanItsParentAndALog_CountsOnceAcrossBatches()
    {
        // Arrange: nested operations each record the failure on their own span; the log comes in a later batch.
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;

        // Act
        await WriteSpansAsync(SpanWithIds(exception, time, trace: 5, span: 9, "e1"), SpanWithIds(exception, time.AddMilliseconds(3), trace: 5, span: 8, "e1"));
        await WriteLogsAsync(LogWithId(exception, exception.ToString(), "e1", time.AddSeconds(2), trace: 5, span: 9));

        // Assert
        Assert.Equal(1, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_RetryWithAnIdPerAttemptInOneSpan_CountsEachAttempt()
    {
        // Arrange: three attempts in one span, each logged and recorded, each a new exception object.
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;
        string[] ids = ["a1", "a2", "a3"];

        // Act: span events first, so each log's id match must find its own attempt, not a neighbour's.
        await WriteSpansAsync(SpanWithIds(exception, time, trace: 5, span: 9, ids));
        await WriteLogsAsync([.. ids.Select(id => LogWithId(exception, exception.ToString(), id, time, trace: 5, span: 9))]);

        // Assert
        Assert.Equal(3, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_LogAndSpanEventWithDifferentIdsInOneSpan_AreTwoExceptions()
    {
        // Arrange
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;

        // Act: same span, type, message and time, which pairing alone would take for one.
        await WriteSpansAsync(SpanWithIds(exception, time, trace: 5, span: 9, "a1"));
        await WriteLogsAsync(LogWithId(exception, exception.ToString(), "a2", time, trace: 5, span: 9));

        // Assert
        Assert.Equal(2, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_SpanEventWithIdAndLogWithout_StillPairedBySpan()
    {
        // Arrange: an instrumentation that adds no id on one side.
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;

        // Act
        await WriteSpansAsync(SpanWithIds(exception, time, trace: 5, span: 9, "a1"));
        await WriteLogsAsync(SomeErrors.Log(exception, time, trace: 5, span: 9));

        // Assert
        Assert.Equal(1, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_LogWithIdAndHandBuiltSpanEventWithout_StillPairedBySpan()
    {
        // Arrange: the SDK's log carries an id; an exception event built by hand (OpenTelemetry's RecordException) does not.
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;

        // Act
        await WriteLogsAsync(LogWithId(exception, exception.ToString(), "a1", time, trace: 5, span: 9));
        await WriteSpansAsync(SomeErrors.Span(exception, time.AddMilliseconds(2), trace: 5, span: 9));

        // Assert
        Assert.Equal(1, Assert.Single(await GroupsAsync()).Count);
    }

    public static TheoryData<object?> NotAnId => new()
    {
        { null },
        { string.Empty },
        { "   " },
        { new string('f', ExceptionIdentity.MaxLength + 1) },
        { 42L },
        { true },
    };

    [Theory]
    [MemberData(nameof(NotAnId))]
    public async Task WriteAsync_IdBlankTooLongOrNotText_IsIgnored(object? id)
    {
        // Arrange: two reports outside any trace, which without a usable id are two occurrences.
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var time = DateTimeOffset.UtcNow;

        // Act
        await WriteLogsAsync(LogWithId(exception, exception.ToString(), id, time), LogWithId(exception, exception.ToString(), id, time));

        // Assert
        Assert.Equal(2, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_IdOfLongestAcceptedLength_IsUsed()
    {
        // Arrange
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var id = new string('f', ExceptionIdentity.MaxLength);

        // Act
        await WriteLogsAsync(LogWithId(exception, exception.ToString(), id, DateTimeOffset.UtcNow), LogWithId(exception, exception.ToString(), id, DateTimeOffset.UtcNow));

        // Assert
        Assert.Equal(1, Assert.Single(await GroupsAsync()).Count);
    }

    [Fact]
    public async Task WriteAsync_SameIdBeyondTheWindow_IsANewOccurrence()
    {
        // Arrange: a cached exception object thrown again later (a preallocated OutOfMemoryException).
        var exception = SomeErrors.Thrown(() => ThrowSite.Fail(1));
        var first = DateTimeOffset.UtcNow.AddHours(-1);

        // Act
        await WriteLogsAsync(
            LogWithId(exception, exception.ToString(), "cached", first),
            LogWithId(exception, exception.ToString(), "cached", first + ExceptionIdentity.Window),
            LogWithId(exception, exception.ToString(), "cached", first + ExceptionIdentity.Window + TimeSpan.FromSeconds(1)));

        // Assert: the report at the window's edge is the first one's; the one past it is counted.
        Assert.Equal(2, Assert.Single(await GroupsAsync()).Count);
    }
}
