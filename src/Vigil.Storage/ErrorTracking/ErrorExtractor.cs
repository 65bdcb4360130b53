using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Finds the exceptions in a batch: log records with an exception at or above the minimum severity, and span
/// events named <c>exception</c> (OpenTelemetry semantic conventions). Engine-independent, so every engine and
/// every writer (the SDK's local store, <c>vigil serve</c>) groups alike.
/// </summary>
internal static class ErrorExtractor
{
    private const string ExceptionEventName = "exception";
    private const string TypeKey = "exception.type";
    private const string MessageKey = "exception.message";
    private const string StackTraceKey = "exception.stacktrace";
    private const string ReleaseKey = "service.version";

    /// <summary>The batch's exceptions in batch order (logs, then span events); empty when there are none.</summary>
    public static List<ErrorOccurrence> Extract(TelemetryBatch batch, ErrorTrackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return [];
        }

        List<ErrorOccurrence>? found = null;

        // The hot write path: a record without an exception costs two null checks, a span without events one count.
        foreach (var log in batch.Logs)
        {
            if ((!string.IsNullOrEmpty(log.ExceptionType) || !string.IsNullOrEmpty(log.ExceptionStackTrace))
                && (log.SeverityNumber == 0 || log.SeverityNumber >= options.MinimumLogSeverity))
            {
                (found ??= []).Add(FromLog(log, options));
            }
        }

        foreach (var span in batch.Spans)
        {
            if (span.Events.Count == 0)
            {
                continue;
            }

            foreach (var spanEvent in span.Events)
            {
                if (spanEvent.Name == ExceptionEventName)
                {
                    (found ??= []).Add(FromSpanEvent(span, spanEvent, options));
                }
            }
        }

        return found ?? [];
    }

    private static ErrorOccurrence FromLog(LogEntry log, ErrorTrackingOptions options)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        AddText(attributes, log.Attributes);
        return Create(
            log.Timestamp,
            ErrorEventSource.Log,
            log.TraceId,
            log.SpanId,
            ExceptionIdentity.Read(log.Attributes),
            log.Resource,
            new ExceptionDetails
            {
                Type = Blank(log.ExceptionType),
                Message = log.ExceptionMessage,
                StackTrace = Blank(log.ExceptionStackTrace),
                Attributes = attributes,
            },
            options);
    }

    private static ErrorOccurrence FromSpanEvent(SpanEntry span, SpanEventEntry spanEvent, ErrorTrackingOptions options)
    {
        // The span's attributes first so that the event's own win on a clash.
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        AddText(attributes, span.Attributes);
        AddText(attributes, spanEvent.Attributes);
        return Create(
            spanEvent.Timestamp,
            ErrorEventSource.SpanEvent,
            span.TraceId,
            span.SpanId,
            ExceptionIdentity.Read(spanEvent.Attributes),
            span.Resource,
            new ExceptionDetails
            {
                Type = Blank(attributes.GetValueOrDefault(TypeKey)),
                Message = attributes.GetValueOrDefault(MessageKey),
                StackTrace = Blank(attributes.GetValueOrDefault(StackTraceKey)),
                Attributes = attributes,
            },
            options);
    }

    private static ErrorOccurrence Create(
        DateTimeOffset timestamp,
        ErrorEventSource source,
        string? traceId,
        string? spanId,
        string? exceptionId,
        TelemetryResource resource,
        ExceptionDetails details,
        ErrorTrackingOptions options)
    {
        var fingerprint = ExceptionFingerprinter.Compute(details, options.Fingerprint);
        var type = TypeOf(fingerprint) ?? details.Type ?? "Exception";
        var service = resource.ServiceName;
        return new ErrorOccurrence
        {
            Timestamp = timestamp,
            Source = source,
            TraceId = Id(traceId),
            SpanId = Id(spanId),
            ExceptionId = exceptionId,
            ServiceName = service,
            Release = Release(resource),
            Type = type,
            Message = details.Message,
            StackTrace = details.StackTrace,
            Fingerprint = fingerprint,
            Severity = SeverityClassifier.Classify(type, service, details.Attributes, options),
        };
    }

    /// <summary>The outermost type as the fingerprinter read it: the full name from the stack text when there is one.</summary>
    private static string? TypeOf(ExceptionFingerprint fingerprint)
    {
        foreach (var component in fingerprint.Components)
        {
            if (component.StartsWith("type:", StringComparison.Ordinal))
            {
                return Blank(component["type:".Length..]);
            }
        }

        return null;
    }

    private static string? Release(TelemetryResource resource)
    {
        foreach (var attribute in resource.Attributes)
        {
            if (attribute.Key == ReleaseKey)
            {
                return Blank(TelemetryAttributes.ToFilterText(attribute.Value));
            }
        }

        return null;
    }

    private static void AddText(Dictionary<string, string> target, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (TelemetryAttributes.ToFilterText(attribute.Value) is { } text)
            {
                target[attribute.Key] = text;
            }
        }
    }

    /// <summary>Trace and span ids are stored lowercase; an empty or all-zero id means none (OTLP sends zeros).</summary>
    private static string? Id(string? id) =>
        string.IsNullOrEmpty(id) || id.AsSpan().IndexOfAnyExcept('0') < 0 ? null : id.ToLowerInvariant();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
