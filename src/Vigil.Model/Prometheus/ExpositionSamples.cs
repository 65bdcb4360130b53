namespace Vigil.Model.Prometheus;

/// <summary>
/// The samples of a histogram and of a summary's quantile, as every exposition of Vigil's writes them: the server's
/// <c>/metrics</c>, <c>vigil metrics --format prometheus</c> and the SDK's Pushgateway sink.
/// </summary>
internal static class ExpositionSamples
{
    /// <summary>
    /// Adds the samples of one histogram: a cumulative <c>_bucket</c> per upper bound up to <c>+Inf</c> (equal to
    /// <c>_count</c>), then <c>_sum</c> and <c>_count</c>. <paramref name="counts"/> are each bucket's own counts, one more than
    /// <paramref name="bounds"/> (the last bucket is +Inf); bounds and the sum are multiplied by <paramref name="scale"/>.
    /// </summary>
    public static void AddHistogram(List<ExpositionSample> samples, string labels, IReadOnlyList<double> bounds, IReadOnlyList<long> counts, double? sum, double scale)
    {
        var cumulative = 0L;
        for (var i = 0; i < counts.Count; i++)
        {
            cumulative += counts[i];
            var le = i < bounds.Count ? PrometheusNames.Value(bounds[i] * scale) : "+Inf";
            samples.Add(new("_bucket", PrometheusNames.WithLabel(labels, "le", le), cumulative));
        }

        // A histogram with no +Inf bucket of its own (no counts at all) still needs one: it is the count.
        if (counts.Count <= bounds.Count)
        {
            samples.Add(new("_bucket", PrometheusNames.WithLabel(labels, "le", "+Inf"), cumulative));
        }

        if (sum is { } total)
        {
            samples.Add(new("_sum", labels, total * scale));
        }

        samples.Add(new("_count", labels, cumulative));
    }

    /// <summary>Adds one quantile sample of a summary (the value multiplied by <paramref name="scale"/>).</summary>
    public static void AddQuantile(List<ExpositionSample> samples, string labels, string quantile, double value, double scale)
    {
        samples.Add(new(string.Empty, PrometheusNames.WithLabel(labels, "quantile", quantile), value * scale));
    }
}
