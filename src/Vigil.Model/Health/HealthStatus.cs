namespace Vigil.Model;

/// <summary>
/// The status of a health check or probe, best first: the numbers are the exit codes of <c>vigil health</c>, and
/// the worst status of several is the greatest.
/// </summary>
public enum HealthStatus
{
    /// <summary>Working.</summary>
    Healthy = 0,

    /// <summary>Working, but impaired (slow, nearly full, a fallback in use).</summary>
    Degraded = 1,

    /// <summary>Not working.</summary>
    Unhealthy = 2,
}
