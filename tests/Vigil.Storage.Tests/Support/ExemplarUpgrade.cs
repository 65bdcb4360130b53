using Vigil.Model;

namespace Vigil.Storage.Tests.Support;

/// <summary>What a store upgraded to the exemplars column must do, on either engine: keep its points, store exemplars.</summary>
internal static class ExemplarUpgrade
{
    public static readonly MetricSeriesInfo Series = Some.Histogram();

    /// <summary>The point written before the upgrade.</summary>
    public static TelemetryBatch Before { get; } = new() { MetricPoints = [Some.HistogramPoint(Series, Some.BaseTime, [1, 0, 0, 0])] };

    /// <summary>Writes a point with an exemplar to the upgraded store; both points count and the exemplar reads back.</summary>
    public static async Task AssertKeepsPointsAndStoresExemplarsAsync(ITelemetryStore upgraded)
    {
        var exemplar = new MetricExemplar { Timestamp = Some.BaseTime.AddMinutes(1), Value = 3, TraceId = Some.TraceId(7), SpanId = Some.SpanId(7) };
        await upgraded.WriteAsync(new TelemetryBatch { MetricPoints = [Some.HistogramPoint(Series, Some.BaseTime.AddMinutes(1), [1, 0, 0, 0]) with { Exemplars = [exemplar] }] });

        var result = await upgraded.QueryMetricAsync(new MetricQuery { Name = Series.Name, From = Some.BaseTime, To = Some.BaseTime.AddMinutes(2), Step = TimeSpan.FromMinutes(2) });
        Assert.Equal(2, Assert.Single(Assert.Single(result.Series).Buckets).Count);
        var found = await ((IExemplarReader)upgraded).QueryExemplarsAsync(new ExemplarQuery { Name = Series.Name, From = Some.BaseTime, To = Some.BaseTime.AddMinutes(2) });
        Assert.Equal(exemplar, Assert.Single(found.Exemplars).Exemplar with { FilteredAttributes = exemplar.FilteredAttributes });
    }
}
