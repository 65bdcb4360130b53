using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Storage;

namespace Vigil.Server.Probes;

/// <summary>Registers the probe runner in the server's composition root.</summary>
internal static class ProbeServiceCollectionExtensions
{
    /// <summary>Runs <paramref name="probes"/> while the server runs; nothing when there are none.</summary>
    public static IServiceCollection AddVigilProbes(this IServiceCollection services, IReadOnlyList<ProbeDefinition> probes)
    {
        if (probes.Count == 0)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService(sp => new ProbeService(
            probes,
            sp.GetRequiredService<ITelemetryWriter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ProbeService>>(),
            sp.GetService<ILeaderElection>()));
        return services;
    }
}
