namespace Vigil.Api.Contracts.V1;

/// <summary>One service in <see cref="ApiOverview"/>. Requests are its server spans (kind server) that started in the range.</summary>
public sealed record ApiServiceOverview
{
    /// <summary>The <c>service.name</c>; empty for records whose resource has none.</summary>
    public string ServiceName { get; init; } = string.Empty;

    /// <summary>Server spans that started in the range.</summary>
    public long Requests { get; init; }

    /// <summary><see cref="Requests"/> per second over the whole range.</summary>
    public double RequestRate { get; init; }

    /// <summary>Of the requests, those whose status is error.</summary>
    public long FailedRequests { get; init; }

    /// <summary><see cref="FailedRequests"/> / <see cref="Requests"/> (0 to 1); null when there were no requests.</summary>
    public double? ErrorRate { get; init; }

    /// <summary>The 95th percentile of the requests' durations (nearest rank); null when there were no requests.</summary>
    public TimeSpan? P95 { get; init; }

    /// <summary>Unresolved error groups this service reported, active in the range.</summary>
    public int OpenErrorGroups { get; init; }

    /// <summary>The worst status of the service's health checks and probes (stale ones unhealthy); null when it has none.</summary>
    public ApiHealthStatus? Health { get; init; }

    /// <summary>Firing alerts whose <c>service</c> label is this service.</summary>
    public int FiringAlerts { get; init; }
}
