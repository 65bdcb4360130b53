namespace Vigil.Alerting.Notifications;

/// <summary>Links back to the server for one alert; each is null when the server cannot offer it.</summary>
public sealed record NotificationLinks
{
    /// <summary>No links.</summary>
    public static NotificationLinks None { get; } = new();

    /// <summary>The alert in the query API.</summary>
    public Uri? Alert { get; init; }

    /// <summary>A signed, expiring link that acknowledges the alert when followed.</summary>
    public Uri? Acknowledge { get; init; }

    /// <summary>The error group behind the alert.</summary>
    public Uri? ErrorGroup { get; init; }

    /// <summary>The trace in the evidence.</summary>
    public Uri? Trace { get; init; }
}
