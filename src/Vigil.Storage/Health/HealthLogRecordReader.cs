using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Reads an application's health check result back from the log record that carried it (see
/// <see cref="HealthLogRecord"/>), whatever engine stores it and whichever SDK sent it.
/// </summary>
internal static class HealthLogRecordReader
{
    // A year: anything longer is a broken clock or hostile input, and TimeSpan.FromMilliseconds throws near its limit.
    private const double MaxDurationMilliseconds = 365d * 24 * 60 * 60 * 1000;

    /// <summary>
    /// Reads <paramref name="log"/> as a health check result. A record without the event name, a name or a known
    /// status is not one: it stays a plain log record.
    /// </summary>
    /// <param name="log">The log record.</param>
    /// <param name="result">The result read, of kind <see cref="HealthSourceKind.Check"/>.</param>
    /// <returns>False when the record is not a well-formed health check result.</returns>
    public static bool TryRead(LogEntry log, out HealthResult result)
    {
        result = null!;
        if (log.EventName != HealthLogRecord.EventName)
        {
            return false;
        }

        string? name = null;
        string? statusText = null;
        string? description = null;
        var duration = TimeSpan.Zero;
        TimeSpan? interval = null;
        List<KeyValuePair<string, object?>>? data = null;
        foreach (var (key, value) in log.Attributes)
        {
            switch (key)
            {
                case HealthLogRecord.Name:
                    name = value as string;
                    break;
                case HealthLogRecord.Status:
                    statusText = value as string;
                    break;
                case HealthLogRecord.Description:
                    description = value as string;
                    break;
                case HealthLogRecord.DurationMilliseconds:
                    duration = ReadMilliseconds(value) ?? TimeSpan.Zero;
                    break;
                case HealthLogRecord.IntervalMilliseconds:
                    interval = ReadMilliseconds(value);
                    break;
                default:
                    if (key.Length > HealthLogRecord.DataPrefix.Length && key.StartsWith(HealthLogRecord.DataPrefix, StringComparison.Ordinal))
                    {
                        (data ??= []).Add(new(key[HealthLogRecord.DataPrefix.Length..], value));
                    }

                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(name) || !HealthLogRecord.TryParseStatus(statusText, out var status))
        {
            return false;
        }

        result = new HealthResult
        {
            Name = name,
            Kind = HealthSourceKind.Check,
            ServiceName = log.Resource.ServiceName,
            Status = status,
            Observed = status,
            Timestamp = log.Timestamp,
            Duration = duration,
            Interval = interval,
            Description = description ?? log.Body,
            Data = data ?? [],
        };
        return true;
    }

    /// <summary>Milliseconds as a double or an integer; null for anything else, zero, negative, not finite or over a year.</summary>
    private static TimeSpan? ReadMilliseconds(object? value)
    {
        var milliseconds = value switch
        {
            double d => d,
            float f => f,
            long l => l,
            int i => i,
            _ => 0d,
        };
        return double.IsFinite(milliseconds) && milliseconds > 0 && milliseconds <= MaxDurationMilliseconds
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;
    }
}
