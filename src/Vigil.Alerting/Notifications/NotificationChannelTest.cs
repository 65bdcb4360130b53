using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Alerting.Configuration;
using Vigil.Model;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// <c>vigil alerts test CHANNEL</c>: one test notification, through one configured channel, made exactly as the
/// notifier makes that channel, delivered once (no retries: the person testing wants the first answer).
/// </summary>
public static class NotificationChannelTest
{
    /// <summary>The rule name (and alertname) of the test alert.</summary>
    public const string AlertName = "VigilTestNotification";

    /// <summary>The names of the channels a section configures (the built-in console channel when none).</summary>
    /// <param name="section">The validated section.</param>
    /// <returns>The names, in configuration order.</returns>
    public static IReadOnlyList<string> ChannelNames(AlertingSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var settings = NotificationSettingsCompiler.Compile(section, "Alerts", out _);
        return settings is null ? [.. section.Channels.Select(c => c.Name ?? string.Empty)] : [.. settings.Channels.Select(c => c.Name!)];
    }

    /// <summary>The test notification for a channel.</summary>
    /// <param name="channel">The channel's name (the receiver).</param>
    /// <param name="now">When it is sent.</param>
    /// <returns>A notification of kind <see cref="NotificationKind.Test"/> with one firing alert.</returns>
    public static Notification Create(string channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var labels = AlertLabels.From([new(AlertLabels.AlertName, AlertName), new(AlertLabels.Severity, "info")]);
        var alert = new AlertInstance
        {
            RuleName = AlertName,
            Labels = labels,
            Annotations = new Dictionary<string, string>
            {
                ["summary"] = "Test notification from vigil alerts test",
                ["description"] = $"If you can read this, the channel '{channel}' delivers. No action is needed.",
            },
            State = AlertState.Firing,
            ActiveSince = now,
            FiredAt = now,
            LastEvaluated = now,
        };
        return new Notification
        {
            Receiver = channel,
            GroupKey = $"test:{channel}",
            GroupLabels = AlertLabels.From([new(AlertLabels.AlertName, AlertName)]),
            Kind = NotificationKind.Test,
            Alerts = [new NotifiedAlert(alert, NotificationLinks.None)],
            At = now,
        };
    }

    /// <summary>Sends the test notification through the channel named <paramref name="channel"/>.</summary>
    /// <param name="section">The validated section.</param>
    /// <param name="channel">The channel's name.</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Cancels the attempt (a timeout, Ctrl+C).</param>
    /// <returns>The channel's kind.</returns>
    /// <exception cref="ArgumentException">The section is not valid, or names no such channel (the message lists those it has).</exception>
    /// <exception cref="NotificationDeliveryException">The channel could not deliver.</exception>
    public static async Task<string> SendAsync(AlertingSection section, string channel, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(time);
        var settings = NotificationSettingsCompiler.Compile(section, "Alerts", out var problems)
            ?? throw new ArgumentException("the Alerts section is not valid: " + string.Join("; ", problems), nameof(section));
        var options = settings.Channels.FirstOrDefault(c => string.Equals(c.Name, channel, StringComparison.Ordinal))
            ?? throw new ArgumentException($"no channel named '{channel}' (the configuration has: {string.Join(", ", settings.Channels.Select(c => c.Name))})", nameof(channel));
        var kind = NotificationChannelKinds.All[options.Kind!];
        var created = kind.Create(options, new NotificationChannelContext(time, NullLoggerFactory.Instance, EmptyServices.Instance, Environment.GetEnvironmentVariable));
        try
        {
            await created.DeliverAsync(Create(channel, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            (created as IDisposable)?.Dispose();
        }

        return kind.Name;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
