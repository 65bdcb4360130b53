using Vigil.Model.Prometheus;
using Vigil.Storage;

namespace Vigil.Server.Prometheus;

/// <summary>
/// <c>vigil_leader{instance}</c>: 1 while this instance leads the work that must happen once per store (alert
/// evaluation, notification, probes), 0 while it follows. Summed over every instance of one store it is 1; 0 for
/// longer than a few seconds means nobody leads (<c>sum(vigil_leader) == 0</c>).
/// </summary>
internal static class LeaderMetricFamilies
{
    public const string Name = "vigil_leader";

    public static IReadOnlyList<ExpositionFamily> Read(IServiceProvider services)
    {
        var election = services.GetService<ILeaderElection>();
        var instance = services.GetService<ServerInstance>();
        if (election is null || instance is null)
        {
            return [];
        }

        var sample = new ExpositionSample(
            string.Empty,
            PrometheusNames.LabelSet([new("instance", instance.Id)]),
            election.IsLeader ? 1 : 0);
        return [new ExpositionFamily(Name, "gauge", "1 while this instance leads alert evaluation, notification and probes; 0 while it follows.", [sample])];
    }
}
