namespace Vigil.Model;

/// <summary>An exemplar as a query finds it: with the series and the time of the point that carried it.</summary>
public sealed record SeriesExemplar
{
    /// <summary>The series' attributes (the chart line it belongs to).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> SeriesAttributes { get; init; } = [];

    /// <summary>The series' <c>service.name</c>, when its resource has one.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The time of the point that carried the exemplar.</summary>
    public DateTimeOffset PointTimestamp { get; init; }

    /// <summary>The exemplar.</summary>
    public MetricExemplar Exemplar { get; init; } = new();
}
