using System.Text.Json;

namespace Vigil.Api.Contracts.V1;

/// <summary>One exemplar, as <c>GET /api/metric-exemplars</c> gives it: a value a point was made from, and the span it was recorded in.</summary>
public sealed record ApiExemplar
{
    /// <summary>When the value was recorded.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The recorded value.</summary>
    public double Value { get; init; }

    /// <summary>The trace it was recorded in (32 hex digits), or null.</summary>
    public string? TraceId { get; init; }

    /// <summary>The span it was recorded in (16 hex digits), or null.</summary>
    public string? SpanId { get; init; }

    /// <summary>The time of the point that carried it.</summary>
    public DateTimeOffset PointTime { get; init; }

    /// <summary>The series' <c>service.name</c>, when it has one.</summary>
    public string? Service { get; init; }

    /// <summary>The series' attributes as text, as <see cref="ApiMetricSeries.Labels"/> of a query without <c>by</c> names the line.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The measurement's attributes the series does not carry (see <see cref="ApiLogRecord.Attributes"/>).</summary>
    public JsonElement FilteredAttributes { get; init; }
}
