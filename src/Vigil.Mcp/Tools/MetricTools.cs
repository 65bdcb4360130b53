using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Vigil.Mcp.Arguments;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Metrics;

namespace Vigil.Mcp.Tools;

/// <summary>Metrics: what there is, and one metric over time split by attributes (the store's own bucketing).</summary>
[McpServerToolType]
internal sealed class MetricTools(ITelemetryReader reader, VigilMcpOptions options)
{
    [McpServerTool(Name = "list_metrics", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("List metric names with kind, unit, description, series count and latest value. `contains` filters by name; at most `limit` (default 50, at most 200), and the total is said.")]
    public async Task<MetricListResult> ListAsync(
        [Description("Only names containing this text (any case).")] string? contains = null,
        [Description("How many metrics, 1 to 200 (default 50).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        var take = ToolArguments.Limit("limit", limit, 50);
        var filter = ToolArguments.Text("contains", contains, 512);
        var metrics = (await reader.ListMetricsAsync(cancellationToken).ConfigureAwait(false))
            .Where(m => filter is null || m.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return new MetricListResult
        {
            Matched = metrics.Count,
            Returned = Math.Min(take, metrics.Count),
            Metrics = [.. metrics.Take(take).Select(m => new MetricListResult.Item
            {
                Name = m.Name,
                Kind = MetricKindNames.Of(m.Kind),
                Unit = m.Unit,
                Description = Shortened.Text(m.Description, 300),
                Series = m.SeriesCount,
                Latest = m.LatestValue,
                LatestTime = m.LatestTime,
            })],
        };
    }

    [McpServerTool(Name = "query_metric", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("One metric over time, bucketed by `step` and split by the attributes in `by`. Counters give increase and rate per second, gauges the last value, histograms count and p50/p95/p99. At most 20 series (the largest first) and 500 points each.")]
    public async Task<MetricQueryView> QueryAsync(
        [Description("The metric name, as list_metrics shows it.")] string name,
        [Description("Start: a duration back from now (15m, 2h) or an RFC 3339 time. Default 1h.")] string? since = null,
        [Description("End: a duration back from now or an RFC 3339 time. Default now.")] string? until = null,
        [Description("Bucket width: 10s, 1m, 1h (default: about 60 buckets over the range).")] string? step = null,
        [Description("Attribute keys to split by, such as http.route or service.name.")] string[]? by = null,
        [Description("Only this service.")] string? service = null,
        [Description("Attribute filters, each key=value.")] string[]? attributes = null,
        CancellationToken cancellationToken = default)
    {
        var metric = ToolArguments.Required("name", name, "a metric name from list_metrics");
        var (from, to) = ToolArguments.Range(since, until, options.Clock.GetUtcNow(), LogTools.DefaultWindow);
        var width = ToolArguments.Duration("step", step, TimeSpan.FromDays(7)) ?? MetricStep.Choose(to - from);
        var points = (to - from).Ticks / width.Ticks;
        if (points > ToolLimits.MaxPoints)
        {
            throw new McpException($"step: {step} over this range makes {points} points per series (at most {ToolLimits.MaxPoints}); use a larger step or a shorter range");
        }

        if (by is { Length: > ToolLimits.MaxRepeats })
        {
            throw new McpException($"by: {by.Length} keys is too many (at most {ToolLimits.MaxRepeats})");
        }

        var result = await reader.QueryMetricAsync(
            new MetricQuery
            {
                Name = metric,
                From = from,
                To = to,
                Step = width,
                ServiceName = ToolArguments.Text("service", service, 512),
                Attributes = ToolArguments.Attributes("attributes", attributes),
                GroupBy = by is null ? null : [.. by.Select(key => ToolArguments.Required("by", key, "an attribute key"))],
            },
            cancellationToken).ConfigureAwait(false);
        if (result.Kind is null)
        {
            throw new McpException($"name: no series of metric '{metric}' matches (it is not in the store, or the service and attribute filters exclude every series; list_metrics shows the names)");
        }

        return MetricQueryView.Of(result, from, to);
    }
}
