using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary><c>GET /api/metrics</c> and <c>GET /api/metrics/{name}</c>.</summary>
internal static class MetricsEndpoints
{
    /// <summary>The range a metric query covers when <c>since</c> is not given.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);

    /// <summary>About this many buckets when <c>step</c> is not given.</summary>
    private const int DefaultBuckets = 60;

    public static Task<IResult> ListAsync(HttpContext context) => ApiResults.RunAsync(async () =>
    {
        _ = new QueryParameters(context.Request.Query, ApiResults.Now(context));
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var metrics = await store.ListMetricsAsync(context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Json(new ItemsPage<MetricSummary>(metrics, null));
    });

    public static Task<IResult> QueryAsync(HttpContext context, string name) => ApiResults.RunAsync(async () =>
    {
        var now = ApiResults.Now(context);
        var p = new QueryParameters(context.Request.Query, now, "since", "until", "step", "by", "service", "where");
        if (name.Length > QueryLimits.MaxNameLength || name.Any(char.IsControl))
        {
            throw new BadParameterException("name: not a metric name (too long, or control characters)");
        }

        var to = p.Time("until") ?? now;
        // An hour before 0001-01-01 is not a time: the default range then starts at the earliest one, and is empty.
        var from = p.Time("since") ?? (to.UtcTicks - DateTimeOffset.MinValue.UtcTicks >= DefaultRange.Ticks ? to - DefaultRange : DateTimeOffset.MinValue);
        if (from >= to)
        {
            throw new BadParameterException("since: must be earlier than until (or now)");
        }

        var step = p.Duration("step") ?? DefaultStep(to - from);
        if ((to - from).Ticks / step.Ticks > QueryLimits.MaxBuckets)
        {
            throw new BadParameterException($"step: makes more than {QueryLimits.MaxBuckets} buckets over the range; use a larger step");
        }

        var by = p.Repeated("by");
        var query = new MetricQuery
        {
            Name = name,
            From = from,
            To = to,
            Step = step,
            ServiceName = p.Text("service"),
            Attributes = p.Where("where"),

            // No "by" groups by the whole attribute set; "by=" (empty) combines every series.
            GroupBy = by.Count == 0 ? null : [.. by.Where(key => key.Length > 0)],
        };
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var result = await store.QueryMetricAsync(query, context.RequestAborted).ConfigureAwait(false);
        return result.Kind is null ? ApiResults.NotFound($"no metric named '{name}' in the store") : ApiResults.Json(result);
    });

    private static TimeSpan DefaultStep(TimeSpan range)
    {
        // Whole seconds, at least one, so bucket times read well.
        var seconds = Math.Max(1, (long)Math.Ceiling(range.TotalSeconds / DefaultBuckets));
        return TimeSpan.FromSeconds(seconds);
    }
}
