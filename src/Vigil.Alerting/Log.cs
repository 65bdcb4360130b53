using Microsoft.Extensions.Logging;

namespace Vigil.Alerting;

/// <summary>The alert engine's own log messages (source-generated, allocation-free when disabled).</summary>
internal static partial class Log
{
    [LoggerMessage(1301, LogLevel.Warning, "Alert notification ({Kind}) to {Channel} for {GroupLabels}: {Alerts}")]
    public static partial void ConsoleNotification(ILogger logger, string kind, string channel, string groupLabels, string alerts);

    [LoggerMessage(1302, LogLevel.Warning, "Notification channel {Channel} failed attempt {Attempt} of {MaxAttempts} for group {GroupKey}: {Detail}")]
    public static partial void DeliveryFailed(ILogger logger, string channel, int attempt, int maxAttempts, string groupKey, string detail);

    [LoggerMessage(1303, LogLevel.Error, "Notification channel {Channel} gave up on a {Kind} notification for group {GroupKey} after {Attempts} attempts: {Detail}")]
    public static partial void DeliveryAbandoned(ILogger logger, string channel, string kind, string groupKey, int attempts, string detail);

    [LoggerMessage(1304, LogLevel.Error, "The queue of notification channel {Channel} is full; a {Kind} notification for group {GroupKey} was dropped.")]
    public static partial void DeliveryDropped(ILogger logger, string channel, string kind, string groupKey);

    [LoggerMessage(1305, LogLevel.Error, "A notification attempt to {Channel} could not be recorded in the store.")]
    public static partial void AttemptNotRecorded(ILogger logger, Exception exception, string channel);

    [LoggerMessage(1306, LogLevel.Error, "The notifier could not read silences or acknowledgements from the store; it goes on with what it read last.")]
    public static partial void StoreReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(1307, LogLevel.Error, "The notifier's turn failed; it tries again at the next one.")]
    public static partial void TurnFailed(ILogger logger, Exception exception);

    [LoggerMessage(1308, LogLevel.Error, "The notifier could not read the recorded attempts of alerts new to it; after a restart, it may tell them again.")]
    public static partial void AttemptsReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(1309, LogLevel.Warning, "Notification channel {Channel} did not send a {Kind} notification for group {GroupKey}: this instance no longer leads, and the leader sends it.")]
    public static partial void DeliveryFenced(ILogger logger, string channel, string kind, string groupKey);
}
