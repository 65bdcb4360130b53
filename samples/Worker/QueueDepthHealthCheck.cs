using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Vigil.Samples.Worker;

/// <summary>
/// A health check over a (simulated) order queue: degraded when the backlog passes 100, unhealthy past 140, so
/// that `vigil health` and the console show a check changing state now and then.
/// </summary>
internal sealed class QueueDepthHealthCheck : IHealthCheck
{
    private const int DegradedDepth = 100;
    private const int UnhealthyDepth = 140;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var depth = Random.Shared.Next(0, 150);
        var data = new Dictionary<string, object> { ["depth"] = depth };
        var result = depth switch
        {
            >= UnhealthyDepth => HealthCheckResult.Unhealthy($"{depth} orders waiting", data: data),
            >= DegradedDepth => HealthCheckResult.Degraded($"{depth} orders waiting", data: data),
            _ => HealthCheckResult.Healthy($"{depth} orders waiting", data),
        };
        return Task.FromResult(result);
    }
}
