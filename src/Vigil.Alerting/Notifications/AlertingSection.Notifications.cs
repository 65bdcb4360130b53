using Vigil.Alerting.Notifications;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Configuration;

/// <summary>Where notifications go: channels, routes, grouping, escalation policies, mute windows and inhibition.</summary>
public sealed partial class AlertingSection
{
    /// <summary>The destinations, each with a unique name and a kind; none means the built-in <c>console</c> channel only.</summary>
    public IList<NotificationChannelOptions> Channels { get; } = new List<NotificationChannelOptions>();

    /// <summary>The routing tree's root: every alert enters here (see docs/alerts-notifications.md).</summary>
    public NotificationRouteOptions Route { get; } = new();

    /// <summary>The escalation policies routes name.</summary>
    public IList<EscalationPolicyOptions> Escalations { get; } = new List<EscalationPolicyOptions>();

    /// <summary>Recurring windows (nights, weekends) in which the routes that name them send nothing.</summary>
    public IList<MuteWindowOptions> MuteWindows { get; } = new List<MuteWindowOptions>();

    /// <summary>Rules by which a firing alert mutes others.</summary>
    public IList<InhibitRuleOptions> Inhibit { get; } = new List<InhibitRuleOptions>();

    /// <summary>The address links in notifications start from; by default the server's query address.</summary>
    public Uri? ExternalUrl { get; set; }

    /// <summary>How long an acknowledgement link in a notification stays valid; 24 hours by default.</summary>
    public TimeSpan? AcknowledgementLinkValidity { get; set; }

    /// <summary>Every problem in the notification keys, each with its key path.</summary>
    /// <param name="path">The section's key path.</param>
    /// <returns>The problems; empty when the keys are usable.</returns>
    public IReadOnlyList<ConfigurationProblem> ValidateNotifications(string path = "Alerts")
    {
        NotificationSettingsCompiler.Compile(this, path, out var problems);
        return problems;
    }
}
