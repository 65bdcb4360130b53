namespace Vigil.Model;

/// <summary>
/// How a health check result travels as telemetry: an OpenTelemetry log record with this event name and these
/// attributes, so it reaches <c>vigil serve</c> or any collector over plain OTLP. A store that writes such a record
/// also records it as a <see cref="HealthResult"/> of kind <see cref="HealthSourceKind.Check"/>.
/// </summary>
public static class HealthLogRecord
{
    /// <summary>The log record's event name.</summary>
    public const string EventName = "vigil.health.check";

    /// <summary>The check's name (string).</summary>
    public const string Name = "vigil.health.name";

    /// <summary>The status: <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c> (string).</summary>
    public const string Status = "vigil.health.status";

    /// <summary>How long the check took, in milliseconds (double).</summary>
    public const string DurationMilliseconds = "vigil.health.duration_ms";

    /// <summary>
    /// How often the check runs, in milliseconds (double); optional. With it, a check that stops reporting turns stale
    /// (<see cref="HealthState.IsStale"/>); a record without it (another SDK) is never stale by its interval.
    /// </summary>
    public const string IntervalMilliseconds = "vigil.health.interval_ms";

    /// <summary>The check's description or failure (string); the record's body carries it too.</summary>
    public const string Description = "vigil.health.description";

    /// <summary>The prefix of the check's data entries: <c>vigil.health.data.KEY</c>.</summary>
    public const string DataPrefix = "vigil.health.data.";

    /// <summary>The text form of a status, as written in <see cref="Status"/>.</summary>
    /// <param name="status">The status.</param>
    /// <returns><c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</returns>
    public static string StatusText(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    /// <summary>Reads a status text (case-insensitive).</summary>
    /// <param name="text">The text.</param>
    /// <param name="status">The status read.</param>
    /// <returns>False when the text is not a status.</returns>
    public static bool TryParseStatus(string? text, out HealthStatus status)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "HEALTHY":
                status = HealthStatus.Healthy;
                return true;
            case "DEGRADED":
                status = HealthStatus.Degraded;
                return true;
            case "UNHEALTHY":
                status = HealthStatus.Unhealthy;
                return true;
            default:
                status = HealthStatus.Unhealthy;
                return false;
        }
    }
}
