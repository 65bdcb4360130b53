using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Vigil.Alerting.Notifications;

/// <summary>A log record per notification: the channel that works with no configuration, through the server's console and log.</summary>
internal sealed class ConsoleChannel(string name, ILoggerFactory loggers) : INotificationChannel
{
    private readonly ILogger _logger = loggers.CreateLogger("Vigil.Alerting.Console");

    public string Name { get; } = name;

    public string Kind => ConsoleChannelKind.KindName;

    public Task DeliverAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var kind = notification.EscalationLevel is { } level ? $"{notification.Kind} level {level}" : notification.Kind;
        Log.ConsoleNotification(_logger, kind, Name, notification.GroupLabels.ToString(), string.Join("; ", notification.Alerts.Select(Describe)));
        return Task.CompletedTask;
    }

    private static string Describe(NotifiedAlert notified)
    {
        var alert = notified.Alert;
        var text = $"#{alert.Id} {alert.State.ToString().ToLowerInvariant()} {alert.Labels}";
        if (alert.Value is { } value)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" value {value:G6}");
        }

        if (alert.Threshold is { } threshold)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" threshold {threshold:G6}");
        }

        if (alert.Annotations.TryGetValue("summary", out var summary))
        {
            text += $" \"{summary}\"";
        }

        if (alert.Evidence.Detail is { } detail)
        {
            text += $" ({detail})";
        }

        if (alert.Evidence.ErrorType is { } type)
        {
            text += $" {type}: {alert.Evidence.ErrorMessage} at {alert.Evidence.Culprit}";
        }

        if (notified.Links.Acknowledge is { } ack)
        {
            text += $" acknowledge: {ack}";
        }

        return text;
    }
}
