using Vigil.Model;

namespace Vigil.Storage.Tests.Support;

/// <summary>Telemetry that carries exceptions, as OpenTelemetry SDKs export them: a log record and a span event.</summary>
internal static class SomeErrors
{
    public static TelemetryResource Resource(string service = "checkout", string? release = null) => new()
    {
        Attributes = release is null
            ? [new("service.name", service)]
            : [new("service.name", service), new("service.version", release)],
    };

    /// <summary>Runs <paramref name="action"/> and returns what it threw.</summary>
    /// <remarks>
    /// Never optimised: once tiered compilation with dynamic PGO recompiles this method, it may inline the delegate's
    /// target (guarded devirtualisation), and the lambda's frame then vanishes from the stack trace. The same throw
    /// would then fingerprint as another group on its third call, which failed a contract test now and then.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining | System.Runtime.CompilerServices.MethodImplOptions.NoOptimization)]
    public static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException("The action did not throw.");
    }

    /// <summary>Like OpenTelemetry .NET's log exporter: short type name, message, <c>ToString()</c> as stack.</summary>
    public static LogEntry Log(
        Exception exception,
        DateTimeOffset? time = null,
        string service = "checkout",
        string? release = null,
        int? trace = null,
        int? span = null,
        int severity = 17,
        IReadOnlyList<KeyValuePair<string, object?>>? attributes = null) => new()
        {
            Timestamp = time ?? DateTimeOffset.UtcNow,
            SeverityNumber = severity,
            SeverityText = "Error",
            Body = "Request failed",
            Attributes = attributes ?? [],
            TraceId = trace is { } t ? Some.TraceId(t) : null,
            SpanId = span is { } s ? Some.SpanId(s) : null,
            ExceptionType = exception.GetType().Name,
            ExceptionMessage = exception.Message,
            ExceptionStackTrace = exception.ToString(),
            Resource = Resource(service, release),
            Scope = Some.Scope(),
        };

    /// <summary>A span event named <c>exception</c> (semantic conventions) on a span of its own.</summary>
    public static SpanEntry Span(
        Exception exception,
        DateTimeOffset? time = null,
        string service = "checkout",
        string? release = null,
        int trace = 1,
        int span = 1,
        int events = 1) => Span(exception.GetType().FullName!, exception.Message, exception.ToString(), time, service, release, trace, span, events);

    public static SpanEntry Span(
        string type,
        string? message,
        string? stackTrace,
        DateTimeOffset? time = null,
        string service = "checkout",
        string? release = null,
        int trace = 1,
        int span = 1,
        int events = 1,
        IReadOnlyList<KeyValuePair<string, object?>>? attributes = null)
    {
        var at = time ?? DateTimeOffset.UtcNow;
        var exceptionEvent = new SpanEventEntry
        {
            Name = "exception",
            Timestamp = at,
            Attributes =
            [
                new("exception.type", type),
                new("exception.message", message),
                new("exception.stacktrace", stackTrace),
            ],
        };
        return new SpanEntry
        {
            TraceId = Some.TraceId(trace),
            SpanId = Some.SpanId(span),
            Name = "POST /orders",
            Kind = SpanKind.Server,
            StartTime = at.AddMilliseconds(-5),
            EndTime = at.AddMilliseconds(5),
            StatusCode = SpanStatusCode.Error,
            Attributes = attributes ?? [],
            Events = [.. Enumerable.Repeat(exceptionEvent, events)],
            Resource = Resource(service, release),
            Scope = Some.Scope(),
        };
    }
}
