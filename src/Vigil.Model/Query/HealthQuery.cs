namespace Vigil.Model;

/// <summary>Which health states <c>QueryHealthAsync</c> returns, ordered by kind, service and name.</summary>
public sealed record HealthQuery
{
    /// <summary>Only checks of this <c>service.name</c> (probes have the server's).</summary>
    public string? ServiceName { get; init; }

    /// <summary>Only checks, or only probes.</summary>
    public HealthSourceKind? Kind { get; init; }

    /// <summary>
    /// When given, a state is stale once its latest result is older than this, whatever its interval; by default a
    /// state is stale after <see cref="HealthStaleness.MissedRuns"/> of its intervals (see <see cref="HealthStaleness"/>).
    /// </summary>
    public TimeSpan? StaleAfter { get; init; }
}
