using System.Globalization;
using Vigil.Alerting.Rules.Conditions;
using Vigil.Model;

namespace Vigil.Alerting.Rules.Metric;

/// <summary>
/// One metric over the window that ends now, as one bucket per group (<see cref="Storage.ITelemetryReader.QueryMetricAsync"/>
/// with a step of the whole window, so the maths is <c>MetricAggregator</c>'s, as for <c>vigil metrics</c>). A group
/// whose window holds no value for the aggregation gives no sample: no data is not zero, and an instance that was
/// firing resolves. An absence rule is the one that alerts on no data.
/// </summary>
internal sealed class MetricCondition(MetricRuleSettings settings) : IRuleCondition
{
    public async Task<IReadOnlyList<RuleSample>> EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = new MetricQuery
        {
            Name = settings.Name,
            From = context.Now - settings.Window,
            To = context.Now,
            Step = settings.Window,
            ServiceName = settings.Service,
            Attributes = settings.Where,
            GroupBy = [.. settings.GroupBy.Select(g => g.Attribute)],
        };
        var result = await context.Reader.QueryMetricAsync(query, cancellationToken).ConfigureAwait(false);
        var samples = new List<RuleSample>(result.Series.Count);
        foreach (var series in result.Series)
        {
            if (series.Buckets.Count == 0 || MetricAggregation.ValueOf(settings.Aggregation, series.Buckets[0], settings.Window) is not { } value || !double.IsFinite(value))
            {
                continue;
            }

            var labels = AlertLabels.From(settings.GroupBy.Select(g => KeyValuePair.Create(g.Label, series.Labels.GetValueOrDefault(g.Attribute) ?? string.Empty)));
            samples.Add(new RuleSample
            {
                Labels = labels,
                Value = value,
                Threshold = settings.Threshold,
                IsActive = settings.Comparison.Holds(value, settings.Threshold),
                Evidence = new AlertEvidence { Detail = Detail(series.Labels, value) },
            });
        }

        return samples;
    }

    /// <summary><c>p95 of http.server.request.duration {http.route="/cart"} over 5m = 0.84 (threshold &gt; 0.5)</c>.</summary>
    private string Detail(IReadOnlyDictionary<string, string> series, double value)
    {
        var labels = series.Count == 0 ? string.Empty : " {" + string.Join(", ", series.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{settings.Aggregation} of {settings.Name}{labels} over {ConditionFields.Show(settings.Window)} = {AnnotationTemplate.Number(value)} (threshold {settings.Comparison.Symbol} {AnnotationTemplate.Number(settings.Threshold)})");
    }
}
