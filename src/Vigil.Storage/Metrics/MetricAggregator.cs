using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Turns stored points into the buckets of a <see cref="MetricQuery"/>, independently of the storage
/// engine, so every engine answers metric queries the same way.
/// </summary>
public static class MetricAggregator
{
    /// <summary>Groups the series, buckets their points by step and computes each kind's values.</summary>
    /// <param name="query">The range, step and grouping.</param>
    /// <param name="series">The series of the metric that passed the query's filters.</param>
    /// <returns>The result, one entry per group ordered by labels.</returns>
    public static MetricQueryResult Aggregate(MetricQuery query, IReadOnlyList<MetricSeriesData> series)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(query.Step, TimeSpan.Zero);
        if (series.Count == 0)
        {
            return new MetricQueryResult { Name = query.Name, Step = query.Step };
        }

        var first = series[0].Series;
        var window = new BucketWindow(query.From, query.To, query.Step);
        var groups = new SortedDictionary<string, GroupAccumulator>(StringComparer.Ordinal);
        foreach (var data in series)
        {
            var labels = MetricGroupLabels.For(data.Series, query.GroupBy);
            var key = MetricGroupLabels.Key(labels);
            if (!groups.TryGetValue(key, out var group))
            {
                group = new GroupAccumulator(labels, window);
                groups.Add(key, group);
            }

            group.Add(data);
        }

        var result = new List<MetricResultSeries>(groups.Count);
        foreach (var group in groups.Values)
        {
            result.Add(group.ToResult(query.Step));
        }

        return new MetricQueryResult
        {
            Name = query.Name,
            Kind = first.Kind,
            Unit = first.Unit,
            Step = query.Step,
            Series = result,
        };
    }
}
