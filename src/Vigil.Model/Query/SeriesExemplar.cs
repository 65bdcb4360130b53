namespace Vigil.Model;

/// <summary>An exemplar as a query finds it: with the series and the time of the point that carried it.</summary>
public sealed record SeriesExemplar
{
    /// <summary>The series of the point that carried it (the chart line it belongs to).</summary>
    public MetricSeriesInfo Series { get; init; } = new();

    /// <summary>The time of the point that carried the exemplar.</summary>
    public DateTimeOffset PointTimestamp { get; init; }

    /// <summary>The exemplar.</summary>
    public MetricExemplar Exemplar { get; init; } = new();
}
