using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Vigil.Sentry;

/// <summary>One captured log record as a Sentry event: the exception, level, message, logger, service and trace.</summary>
internal static class SentryEventMapper
{
    public static SentryEvent ToEvent(LogRecord record, Exception exception, string? serviceName)
    {
        var sentryEvent = new SentryEvent(exception)
        {
            Level = record.LogLevel switch
            {
                LogLevel.Critical => SentryLevel.Fatal,
                LogLevel.Error => SentryLevel.Error,
                LogLevel.Warning => SentryLevel.Warning,
                LogLevel.Information => SentryLevel.Info,
                _ => SentryLevel.Debug,
            },
            Logger = record.CategoryName,
        };

        if (record.FormattedMessage is { Length: > 0 } message)
        {
            sentryEvent.Message = message;
        }

        // vigil serve names the service by this tag, as OTLP names it by the resource.
        if (serviceName is not null)
        {
            sentryEvent.SetTag("service.name", serviceName);
        }

        // The trace the record was logged in, so Sentry links the event to it and vigil serve stores them together.
        if (record.TraceId != default)
        {
            sentryEvent.Contexts.Trace.TraceId = SentryId.Parse(record.TraceId.ToHexString());
            sentryEvent.Contexts.Trace.SpanId = SpanId.Parse(record.SpanId.ToHexString());
        }

        return sentryEvent;
    }
}
