namespace Vigil.Model.Prometheus;

/// <summary>
/// The text format's histogram samples: a cumulative <c>_bucket</c> per upper bound (<c>le</c>), the last one
/// <c>+Inf</c> and equal to <c>_count</c>, then <c>_sum</c> and <c>_count</c>. Shared by the server's <c>/metrics</c>
/// and the SDK's Pushgateway sink.
/// </summary>
internal static class ExpositionHistogram
{
    /// <summary>Appends the samples of one histogram series.</summary>
    /// <param name="samples">Where the samples go.</param>
    /// <param name="labels">The series' label set (<see cref="PrometheusNames.LabelSet"/>), or empty.</param>
    /// <param name="bounds">The finite upper bounds, ascending.</param>
    /// <param name="counts">The count in each bucket (not cumulative): one more than <paramref name="bounds"/>, the last above them all.</param>
    /// <param name="sum">The sum of the values, when known.</param>
    /// <param name="scale">What bounds and sum are multiplied by to be in the unit of the name (<see cref="PrometheusUnit.Scale"/>).</param>
    public static void Add(List<ExpositionSample> samples, string labels, IReadOnlyList<double> bounds, IReadOnlyList<long> counts, double? sum, double scale)
    {
        var cumulative = 0L;
        for (var i = 0; i < counts.Count; i++)
        {
            cumulative += counts[i];
            var le = i < bounds.Count ? PrometheusNames.Value(bounds[i] * scale) : "+Inf";
            samples.Add(new("_bucket", labels.Length == 0 ? $"le=\"{le}\"" : $"{labels},le=\"{le}\"", cumulative));
        }

        if (counts.Count <= bounds.Count)
        {
            // No bucket above the last bound: +Inf must still be there, holding everything.
            samples.Add(new("_bucket", labels.Length == 0 ? "le=\"+Inf\"" : $"{labels},le=\"+Inf\"", cumulative));
        }

        if (sum is { } total)
        {
            samples.Add(new("_sum", labels, total * scale));
        }

        samples.Add(new("_count", labels, cumulative));
    }
}
