using Vigil.Alerting.Configuration;
using Vigil.Server.Disk;
using Vigil.Server.Probes;
using Vigil.Server.Usage;
using Vigil.Storage;

namespace Vigil.Server.Configuration;

/// <summary>What the server's configuration file declares (see docs/server.md).</summary>
public sealed record ServerConfiguration
{
    /// <summary>The file it was read from; null when nothing was read.</summary>
    public string? Source { get; init; }

    /// <summary>The synthetic probes to run.</summary>
    public IReadOnlyList<ProbeDefinition> Probes { get; init; } = [];

    /// <summary>How the store groups the exceptions it receives (the <c>Errors</c> section; see docs/errors.md).</summary>
    public ErrorTrackingOptions ErrorTracking { get; init; } = ErrorTrackingOptions.Default;

    /// <summary>Alert rules, SLOs and where notifications go (the <c>Alerts</c> section; see docs/alerts.md).</summary>
    public AlertingSection Alerts { get; init; } = new();

    /// <summary>What retention the leader applies (the <c>Retention</c> section); null: none.</summary>
    public RetentionOptions? Retention { get; init; }

    /// <summary>The free-space floor of the store's disk (the <c>DiskGuard</c> section).</summary>
    public DiskGuardOptions DiskGuard { get; init; } = new();

    /// <summary>How often retention runs.</summary>
    public TimeSpan RetentionInterval { get; init; } = RetentionSection.DefaultInterval;

    /// <summary>How long one query may run (<c>QueryTimeout</c>, e.g. <c>"15s"</c>); null keeps the default.</summary>
    public TimeSpan? QueryTimeout { get; init; }

    /// <summary>How far ahead of the server's clock a record's time may be before it is moved to its arrival (<c>MaxClockSkew</c>, e.g. <c>"5m"</c>); null keeps the default.</summary>
    public TimeSpan? MaxClockSkew { get; init; }

    /// <summary>The floor and retention a server started with this file (at <paramref name="path"/>; null: none, the defaults) would report.</summary>
    internal StoreStatusSettings StatusSettings(string? path) => new(path, DiskGuard, Retention, RetentionInterval);
}
