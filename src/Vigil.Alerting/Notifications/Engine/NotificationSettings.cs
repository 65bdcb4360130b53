using Vigil.Alerting.Notifications.Routing;

namespace Vigil.Alerting.Notifications;

/// <summary>The notification configuration, checked and compiled: what the engine and the delivery run on.</summary>
internal sealed record NotificationSettings
{
    /// <summary>The channel used when none is configured.</summary>
    public const string ConsoleChannelName = "console";

    /// <summary>How long an acknowledgement link is valid unless configured.</summary>
    public static readonly TimeSpan DefaultLinkValidity = TimeSpan.FromHours(24);

    /// <summary>Every channel, by name, in configuration order.</summary>
    public required IReadOnlyList<NotificationChannelOptions> Channels { get; init; }

    public required RouteNode Route { get; init; }

    public required IReadOnlyList<InhibitRule> Inhibit { get; init; }

    public Uri? ExternalUrl { get; init; }

    public TimeSpan LinkValidity { get; init; } = DefaultLinkValidity;
}
