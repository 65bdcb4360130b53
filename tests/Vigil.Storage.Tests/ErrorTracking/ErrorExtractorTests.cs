using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.ErrorTracking;

public sealed class ErrorExtractorTests
{
    [Fact]
    public void Extract_BatchWithoutExceptions_ReturnsEmpty()
    {
        // Arrange
        var batch = new TelemetryBatch
        {
            Logs = [Some.Log(severity: 21)],
            Spans = [Some.Span(1, 1) with { Events = [new SpanEventEntry { Name = "retry" }] }],
        };

        // Act
        var found = ErrorExtractor.Extract(batch, ErrorTrackingOptions.Default);

        // Assert
        Assert.Empty(found);
    }

    [Fact]
    public void Extract_SpanEvent_TakesSemanticConventionAttributesServiceAndRelease()
    {
        // Arrange: an upper-case trace id as some SDKs send it, and a numeric service.version.
        var span = SomeErrors.Span("java.io.IOException", "disk full", null, trace: 0xAB, span: 0xCD) with
        {
            TraceId = Some.TraceId(0xAB).ToUpperInvariant(),
            Resource = new TelemetryResource { Attributes = [new("service.name", "store"), new("service.version", 3L)] },
        };

        // Act
        var occurrence = Assert.Single(ErrorExtractor.Extract(new TelemetryBatch { Spans = [span] }, ErrorTrackingOptions.Default));

        // Assert
        Assert.Equal(ErrorEventSource.SpanEvent, occurrence.Source);
        Assert.Equal("java.io.IOException", occurrence.Type);
        Assert.Equal("disk full", occurrence.Message);
        Assert.Equal(Some.TraceId(0xAB), occurrence.TraceId);
        Assert.Equal(Some.SpanId(0xCD), occurrence.SpanId);
        Assert.Equal("store", occurrence.ServiceName);
        Assert.Equal("3", occurrence.Release);
        Assert.Equal(FingerprintMethod.Message, occurrence.Fingerprint.Method);
    }

    [Fact]
    public void Extract_ExplicitFingerprintOnSpanOrEvent_EventWins()
    {
        // Arrange
        var onSpan = SomeErrors.Span("Shop.Oops", "x", null, attributes: [new("vigil.fingerprint", "from-span")]);
        var onBoth = onSpan with
        {
            Events = [onSpan.Events[0] with { Attributes = [.. onSpan.Events[0].Attributes, new("vigil.fingerprint", "from-event")] }],
        };

        // Act
        var spanOnly = Assert.Single(ErrorExtractor.Extract(new TelemetryBatch { Spans = [onSpan] }, ErrorTrackingOptions.Default));
        var both = Assert.Single(ErrorExtractor.Extract(new TelemetryBatch { Spans = [onBoth] }, ErrorTrackingOptions.Default));

        // Assert
        Assert.Equal(["explicit:from-span"], spanOnly.Fingerprint.Components);
        Assert.Equal(["explicit:from-event"], both.Fingerprint.Components);
    }

    [Fact]
    public void Extract_AllZeroTraceAndSpanIds_MeanNoTrace()
    {
        // Arrange: OTLP sends zeros for "no trace".
        var log = SomeErrors.Log(SomeErrors.Thrown(() => throw new InvalidOperationException("x"))) with
        {
            TraceId = new string('0', 32),
            SpanId = new string('0', 16),
        };

        // Act
        var occurrence = Assert.Single(ErrorExtractor.Extract(new TelemetryBatch { Logs = [log] }, ErrorTrackingOptions.Default));

        // Assert
        Assert.Null(occurrence.TraceId);
        Assert.Null(occurrence.SpanId);
    }

    [Theory]
    [InlineData(16, 0)]
    [InlineData(17, 1)]
    [InlineData(0, 1)]
    [InlineData(24, 1)]
    public void Extract_LogSeverity_ComparedWithMinimum(int severity, int expected)
    {
        // Arrange
        var log = SomeErrors.Log(SomeErrors.Thrown(() => throw new InvalidOperationException("x")), severity: severity);

        // Act
        var found = ErrorExtractor.Extract(new TelemetryBatch { Logs = [log] }, ErrorTrackingOptions.Default);

        // Assert
        Assert.Equal(expected, found.Count);
    }

    [Fact]
    public void Extract_LogWithShortTypeName_ReportsFullNameFromStack()
    {
        // Arrange: OpenTelemetry .NET's log exporter sends GetType().Name.
        var log = SomeErrors.Log(SomeErrors.Thrown(() => throw new InvalidOperationException("x")));

        // Act
        var occurrence = Assert.Single(ErrorExtractor.Extract(new TelemetryBatch { Logs = [log] }, ErrorTrackingOptions.Default));

        // Assert
        Assert.Equal("InvalidOperationException", log.ExceptionType);
        Assert.Equal("System.InvalidOperationException", occurrence.Type);
    }

    [Fact]
    public void Extract_ExceptionId_ReadFromTheLogAndFromTheEventNotTheSpan()
    {
        // Arrange: a span attribute of that name is not an exception's identity; the event's own is.
        var log = SomeErrors.Log(new InvalidOperationException("x"), attributes: [new(ExceptionIdentity.AttributeName, "log-id")]);
        var spanOnly = SomeErrors.Span("E", "m", null, span: 1, attributes: [new(ExceptionIdentity.AttributeName, "span-id")]);
        var withEventId = SomeErrors.Span("E", "m", null, span: 2);
        withEventId = withEventId with
        {
            Events = [withEventId.Events[0] with { Attributes = [.. withEventId.Events[0].Attributes, new(ExceptionIdentity.AttributeName, "event-id")] }],
        };

        // Act
        var found = ErrorExtractor.Extract(new TelemetryBatch { Logs = [log], Spans = [spanOnly, withEventId] }, ErrorTrackingOptions.Default);

        // Assert
        Assert.Equal(["log-id", null, "event-id"], found.Select(o => o.ExceptionId));
    }
}
