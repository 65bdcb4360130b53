using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Health;

/// <summary>Health results written as the SDK (checks) and the server (probes) write them: TelemetryBatch.HealthResults.</summary>
internal static class HealthSamples
{
    public static HealthResult Result(
        string name,
        HealthStatus status,
        DateTimeOffset at,
        HealthSourceKind kind = HealthSourceKind.Check,
        string service = "orders",
        string? description = null,
        HealthStatus? observed = null,
        TimeSpan? interval = null) => new()
        {
            Name = name,
            Kind = kind,
            ServiceName = service,
            Status = status,
            Observed = observed ?? status,
            Timestamp = at,
            Duration = TimeSpan.FromMilliseconds(12.5),
            Description = description,
            Interval = interval,
            Data = [new("pool.size", 10L)],
        };

    public static Task WriteAsync(TempStore store, params HealthResult[] results) =>
        store.WriteAsync(new TelemetryBatch { HealthResults = results });

    /// <summary>Two healthy checks and a healthy probe; the given extra results come last.</summary>
    public static Task WriteHealthyAsync(TempStore store, params HealthResult[] extra)
    {
        var now = CliHarness.Now;
        return WriteAsync(
            store,
            [
                Result("database", HealthStatus.Healthy, now.AddMinutes(-30)),
                Result("database", HealthStatus.Healthy, now.AddSeconds(-20), description: "connected"),
                Result("cache", HealthStatus.Healthy, now.AddSeconds(-15), service: "billing"),
                Result("orders-http", HealthStatus.Healthy, now.AddSeconds(-5), kind: HealthSourceKind.Probe, service: "vigil"),
                .. extra,
            ]);
    }
}
