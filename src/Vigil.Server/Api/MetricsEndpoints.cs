using Vigil.Api.Contracts.V1;
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
        return ApiResults.Json(new ApiPage<ApiMetricSummary> { Items = [.. metrics.Select(m => m.ToApi())] }, ApiJson.TypeInfo<ApiPage<ApiMetricSummary>>());
    });

    public static Task<IResult> QueryAsync(HttpContext context, string name) => ApiResults.RunAsync(async () =>
    {
        var now = ApiResults.Now(context);
        var p = new QueryParameters(context.Request.Query, now, ApiQueryParameters.Metric.All);
        if (name.Length > QueryLimits.MaxNameLength || name.Any(char.IsControl))
        {
            throw new BadParameterException("name: not a metric name (too long, or control characters)");
        }

        var (from, to) = Range(p, now);
        var step = p.Duration(ApiQueryParameters.Metric.Step) ?? DefaultStep(to - from);
        if ((to - from).Ticks / step.Ticks > QueryLimits.MaxBuckets)
        {
            throw new BadParameterException($"step: makes more than {QueryLimits.MaxBuckets} buckets over the range; use a larger step");
        }

        var by = p.Repeated(ApiQueryParameters.Metric.By);
        var query = new MetricQuery
        {
            Name = name,
            From = from,
            To = to,
            Step = step,
            ServiceName = p.Text(ApiQueryParameters.Metric.Service),
            Attributes = p.Where(ApiQueryParameters.Metric.Where),

            // No "by" groups by the whole attribute set; "by=" (empty) combines every series.
            GroupBy = by.Count == 0 ? null : [.. by.Where(key => key.Length > 0)],
        };
        var store = context.RequestServices.GetRequiredService<ITelemetryReader>();
        var result = await store.QueryMetricAsync(query, context.RequestAborted).ConfigureAwait(false);
        return result.Kind is null ? ApiResults.NotFound($"no metric named '{name}' in the store") : ApiResults.Json(result.ToApi(), ApiJson.TypeInfo<ApiMetricQueryResult>());
    });

    /// <summary>
    /// The range of a metric's <c>since</c> and <c>until</c> (this endpoint's and <c>/api/metric-exemplars</c>'): by
    /// default the hour before <c>until</c>, which defaults to now.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(QueryParameters p, DateTimeOffset now)
    {
        var to = p.Time(ApiQueryParameters.Metric.Until) ?? now;
        // An hour before 0001-01-01 is not a time: the default range then starts at the earliest one, and is empty.
        var from = p.Time(ApiQueryParameters.Metric.Since) ?? (to.UtcTicks - DateTimeOffset.MinValue.UtcTicks >= DefaultRange.Ticks ? to - DefaultRange : DateTimeOffset.MinValue);
        if (from >= to)
        {
            throw new BadParameterException("since: must be earlier than until (or now)");
        }

        return (from, to);
    }

    private static TimeSpan DefaultStep(TimeSpan range)
    {
        // Whole seconds, at least one, so bucket times read well.
        var seconds = Math.Max(1, (long)Math.Ceiling(range.TotalSeconds / DefaultBuckets));
        return TimeSpan.FromSeconds(seconds);
    }
}
