using Vigil.Alerting.Notifications;
using Vigil.Model.Prometheus;
using Vigil.Server.Disk;
using Vigil.Server.Ingest;
using Vigil.Server.Sentry;
using Vigil.Server.Usage;
using Vigil.Storage;

namespace Vigil.Server.Prometheus;

/// <summary>
/// <c>GET /metrics</c>: every stored metric's latest value, then the server's own figures (the store's per-signal ones from the last background measurement), then the status of every
/// health check and probe and the count of error groups.
/// </summary>
internal static class PrometheusEndpoints
{
    public static async Task ScrapeAsync(HttpContext context)
    {
        var store = context.RequestServices.GetRequiredService<IQueryStore>();
        var families = new List<ExpositionFamily>(await StoreMetricFamilies.ReadAsync(store, context.RequestAborted).ConfigureAwait(false));
        var taken = families.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        families.AddRange(IngestMetricFamilies.Read(context.RequestServices.GetService<IIngestStatistics>()).Where(f => taken.Add(f.Name)));
        families.AddRange((await HealthMetricFamilies.ReadAsync(store, context.RequestAborted).ConfigureAwait(false)).Where(f => taken.Add(f.Name)));
        families.AddRange(SentryMetricFamilies.Read(context.RequestServices.GetService<SentryStatistics>()).Where(f => taken.Add(f.Name)));
        families.AddRange(LeaderMetricFamilies.Read(context.RequestServices).Where(f => taken.Add(f.Name)));
        families.AddRange(DiskMetricFamilies.Read(context.RequestServices.GetService<DiskGuard>()).Where(f => taken.Add(f.Name)));
        families.AddRange(StoreUsageMetricFamilies.Read(context.RequestServices.GetService<StoreStatusSampler>()).Where(f => taken.Add(f.Name)));
        families.AddRange(NotificationMetricFamilies.Read(context.RequestServices.GetService<INotificationStatistics>()).Where(f => taken.Add(f.Name)));
        families.AddRange((await ErrorGroupMetricFamilies.ReadAsync(store, context.RequestAborted).ConfigureAwait(false)).Where(f => taken.Add(f.Name)));

        var openMetrics = WantsOpenMetrics(context.Request);
        context.Response.ContentType = openMetrics ? ExpositionWriter.OpenMetricsContentType : ExpositionWriter.TextContentType;
        await context.Response.WriteAsync(ExpositionWriter.Write(families, openMetrics), context.RequestAborted).ConfigureAwait(false);
    }

    // Prometheus sends "application/openmetrics-text;version=1.0.0,...;q=0.5,text/plain;version=0.0.4;q=0.4,...";
    // any mention of OpenMetrics with a non-zero quality is taken as a request for it.
    private static bool WantsOpenMetrics(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
}
