using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Server.Api;

/// <summary>Puts the store's per-service figures side by side: one <see cref="ApiServiceOverview"/> per service any of them names.</summary>
internal static class ServiceOverviews
{
    public static IReadOnlyList<ApiServiceOverview> Combine(
        TimeSpan range,
        IReadOnlyList<ServiceSpanSummary> requests,
        IReadOnlyList<ErrorGroup> openGroups,
        IReadOnlyList<HealthState> health,
        IReadOnlyList<AlertInstance> firing)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        names.UnionWith(requests.Select(r => r.ServiceName));
        names.UnionWith(openGroups.SelectMany(g => g.Services));
        names.UnionWith(health.Select(h => h.Latest.ServiceName ?? string.Empty).Where(n => n.Length > 0));
        names.UnionWith(firing.Select(a => a.Labels.TryGetValue(OverviewEndpoints.ServiceLabel, out var s) ? s : string.Empty).Where(n => n.Length > 0));

        var byService = requests.ToDictionary(r => r.ServiceName, StringComparer.Ordinal);
        return [.. names.Select(name =>
        {
            var spans = byService.GetValueOrDefault(name);
            var checks = health.Where(h => string.Equals(h.Latest.ServiceName, name, StringComparison.Ordinal)).ToList();
            return new ApiServiceOverview
            {
                ServiceName = name,
                Requests = spans?.Total ?? 0,
                RequestRate = (spans?.Total ?? 0) / range.TotalSeconds,
                FailedRequests = spans?.Errors ?? 0,
                ErrorRate = spans is { Total: > 0 } ? (double)spans.Errors / spans.Total : null,
                P95 = spans is { Total: > 0 } ? spans.P95 : null,
                OpenErrorGroups = openGroups.Count(g => g.Services.Contains(name, StringComparer.Ordinal)),
                Health = checks.Count == 0 ? null : (ApiHealthStatus)HealthState.Worst(checks),
                FiringAlerts = firing.Count(a => a.Labels.TryGetValue(OverviewEndpoints.ServiceLabel, out var s) && string.Equals(s, name, StringComparison.Ordinal)),
            };
        })];
    }
}
