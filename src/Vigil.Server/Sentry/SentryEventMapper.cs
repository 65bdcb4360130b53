using System.Text.Json;
using Vigil.Grouping;
using Vigil.Model.Text;
using Vigil.Model;
using Vigil.Server.Dialects;

namespace Vigil.Server.Sentry;

/// <summary>
/// One Sentry event becomes one log record carrying its exception (grouped by the write pipeline like any OTLP
/// exception) and one log record per breadcrumb, tied to it by <c>sentry.event_id</c> and the trace id. The event's
/// release, environment, server name and SDK become the resource; tags, user and fingerprint become attributes.
/// See docs/dialects.md for every field.
/// </summary>
internal static partial class SentryEventMapper
{
    public const string EventIdKey = "sentry.event_id";
    public const string BreadcrumbEventName = "sentry.breadcrumb";
    private const int ErrorSeverity = 17;

    /// <param name="json">The event payload.</param>
    /// <param name="projectId">The DSN's project id.</param>
    /// <param name="fallbackEventId">The envelope header's event id, for an event that names none.</param>
    /// <param name="fingerprint">The server's grouping options, for <c>{{ default }}</c> in a fingerprint.</param>
    /// <param name="now">When the server received it: the time of an event that gives none.</param>
    /// <returns>The event's id and its records, the event's own first.</returns>
    public static (string EventId, List<LogEntry> Records) Map(ReadOnlyMemory<byte> json, long projectId, string? fallbackEventId, FingerprintOptions fingerprint, DateTimeOffset now)
    {
        if (json.Length > SentryLimits.MaxEventBytes)
        {
            throw DialectRequestException.TooLarge($"The event is {json.Length} bytes; at most {SentryLimits.MaxEventBytes} are accepted.");
        }

        using var document = SentryJson.Parse(json, "event");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw DialectRequestException.Bad("The event must be a JSON object.");
        }

        var eventId = EventId(SentryJson.Text(root, "event_id")) ?? EventId(fallbackEventId) ?? Guid.NewGuid().ToString("N");
        var resource = Resource(root, projectId);
        var (traceId, spanId) = TraceContext(root);
        var timestamp = SentryJson.Time(root, "timestamp") ?? now;
        var exception = SentryStackText.Write(root);
        var attributes = Attributes(root, eventId, projectId);
        AddFingerprint(root, attributes, exception, fingerprint);

        var level = SentryJson.Text(root, "level");
        var severity = level is not null && LevelGrammar.TryParse(level, out var parsed) ? parsed : ErrorSeverity;
        var records = new List<LogEntry>
        {
            new()
            {
                Timestamp = timestamp,
                ObservedTimestamp = now,
                SeverityNumber = severity,
                SeverityText = level ?? "error",
                Body = Message(root) ?? (exception is { } e ? e.Message is null ? e.Type : e.Type + ": " + e.Message : null),
                Attributes = attributes,
                TraceId = traceId,
                SpanId = spanId,
                ExceptionType = exception?.Type,
                ExceptionMessage = exception?.Message,
                ExceptionStackTrace = exception?.Text,
                Scope = new InstrumentationScopeInfo { Name = SentryJson.Text(root, "logger") ?? "sentry" },
                Resource = resource,
            },
        };
        AddBreadcrumbs(root, records, eventId, traceId, timestamp, now, resource);
        return (eventId, records);
    }

    // Sentry's ids are 32 hex digits, with or without dashes; anything else is not kept as an id.
    private static string? EventId(string? text)
    {
        var id = text?.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower) ? id : null;
    }

    private static string? Message(JsonElement root)
    {
        // "message" is a string, or an object like "logentry": {"formatted": ..., "message": ...}.
        if (SentryJson.Text(root, "message") is { } text)
        {
            return text;
        }

        foreach (var name in (string[])["logentry", "message"])
        {
            if (SentryJson.Object(root, name) is { } entry && (SentryJson.Text(entry, "formatted") ?? SentryJson.Text(entry, "message")) is { } message)
            {
                return message;
            }
        }

        return null;
    }

    private static (string? TraceId, string? SpanId) TraceContext(JsonElement root)
    {
        var trace = SentryJson.Object(SentryJson.Object(root, "contexts") ?? default, "trace");
        if (trace is not { } context)
        {
            return (null, null);
        }

        return (Hex(SentryJson.Text(context, "trace_id"), 32), Hex(SentryJson.Text(context, "span_id"), 16));
    }

    private static string? Hex(string? text, int length)
    {
        var id = text?.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return id is not null && id.Length == length && id.All(char.IsAsciiHexDigitLower) && id.AsSpan().IndexOfAnyExcept('0') >= 0 ? id : null;
    }
}
