using Vigil.Model;
using Vigil.Model.Prometheus;
using Vigil.Storage;

namespace Vigil.Server.Prometheus;

/// <summary>
/// <c>vigil_error_groups</c>: how many error groups the store holds, by status and current severity. Every
/// combination is written, zeros included, so a series does not vanish when its last group is resolved
/// (a rule such as <c>vigil_error_groups{status="unresolved",severity="critical"} &gt; 0</c> then resolves cleanly).
/// </summary>
internal static class ErrorGroupMetricFamilies
{
    public const string Name = "vigil_error_groups";

    /// <summary>The most groups one scrape reads; past it the counts are of the most recently active groups.</summary>
    public const int MaxGroupsCounted = 100_000;

    public static async Task<IReadOnlyList<ExpositionFamily>> ReadAsync(ITriageStore store, CancellationToken cancellationToken)
    {
        IReadOnlyList<ErrorGroup> groups;
        try
        {
            groups = await store.QueryErrorGroupsAsync(new ErrorGroupQuery { Limit = MaxGroupsCounted }, cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            // An engine without error tracking exposes no family rather than failing the whole scrape.
            return [];
        }

        var counts = groups.CountBy(g => (g.Status, g.Severity)).ToDictionary();
        var samples = new List<ExpositionSample>();
        foreach (var status in Enum.GetValues<ErrorGroupStatus>())
        {
            foreach (var severity in Enum.GetValues<ErrorSeverity>())
            {
                var labels = PrometheusNames.LabelSet([new("severity", Lower(severity)), new("status", Lower(status))]);
                samples.Add(new(string.Empty, labels, counts.GetValueOrDefault((status, severity))));
            }
        }

        return [new ExpositionFamily(Name, "gauge", "Error groups by status and current severity.", samples)];
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
