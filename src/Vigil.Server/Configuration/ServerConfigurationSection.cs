using System.ComponentModel;
using Vigil.Alerting.Configuration;
using Vigil.Server.Probes;
using Vigil.Storage;

namespace Vigil.Server.Configuration;

/// <summary>The configuration file's top level, as the binder reads it (see docs/server.md).</summary>
[Description("the server configuration")]
internal sealed class ServerConfigurationSection
{
    /// <summary>The synthetic probes; each element is bound on its own, to keep its index in messages.</summary>
    public IList<ProbeOptions> Probes { get; } = new List<ProbeOptions>();

    /// <summary>Error tracking: the SDK's <c>Errors</c> keys, less <c>CaptureUnhandled</c>, plus <c>Enabled</c>.</summary>
    public ErrorTrackingSection Errors { get; } = new();

    /// <summary>Alert rules, SLOs and notifications (see docs/alerts.md).</summary>
    public AlertingSection Alerts { get; } = new();

    /// <summary>How much the server keeps (see docs/server.md).</summary>
    public RetentionSection Retention { get; } = new();

    /// <summary>The free-space floor of the store's disk (see docs/server.md).</summary>
    public DiskGuardSection DiskGuard { get; } = new();

    public TimeSpan? QueryTimeout { get; set; }

    public TimeSpan? MaxClockSkew { get; set; }
}
