namespace Vigil.AspNetCore;

/// <summary>The health-check tags that <c>MapVigilHealthChecks</c> reads.</summary>
public static class VigilHealthCheckTags
{
    /// <summary>
    /// Checks in the liveness view: whether the process should be restarted. None by default, because a process that
    /// answers is alive; tag only checks whose failure a restart would fix (a deadlocked worker, not a database that is down).
    /// </summary>
    public const string Live = "live";

    /// <summary>
    /// Checks in the readiness view: whether the process should get traffic. When no check carries this tag,
    /// every check counts.
    /// </summary>
    public const string Ready = "ready";
}
