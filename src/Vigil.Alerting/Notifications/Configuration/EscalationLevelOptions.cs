using System.ComponentModel;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>One level of an escalation policy.</summary>
[Description("an escalation level")]
public sealed class EscalationLevelOptions
{
    /// <summary>The channels told at this level.</summary>
    [SingleValueList]
    public IList<string> Channels { get; } = new List<string>();

    /// <summary>How long after the level before (for the first: after the group's first notification) this one is told; 0 by default.</summary>
    public TimeSpan? Delay { get; set; }
}
