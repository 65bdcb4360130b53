using System.Text.Json;

namespace Vigil.Api.Contracts.V1;

/// <summary>One series' newest point, as <c>GET /api/metric-points</c> gives it: the series' identity and the point's data.</summary>
public sealed record ApiMetricPoint
{
    /// <summary>The metric's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The data kind.</summary>
    public ApiMetricKind Kind { get; init; }

    /// <summary>The unit (UCUM), when given.</summary>
    public string? Unit { get; init; }

    /// <summary>The description, when given.</summary>
    public string? Description { get; init; }

    /// <summary>A sum's or histogram's temporality.</summary>
    public ApiAggregationTemporality Temporality { get; init; }

    /// <summary>True for a sum that only goes up (a counter).</summary>
    public bool Monotonic { get; init; }

    /// <summary>The series' attributes (see <see cref="ApiLogRecord.Attributes"/>).</summary>
    public JsonElement Attributes { get; init; }

    /// <summary>The instrumentation scope.</summary>
    public ApiScope Scope { get; init; } = new();

    /// <summary>The resource (service) that sent it.</summary>
    public ApiResource Resource { get; init; } = new();

    /// <summary>When the point was recorded (the end of its interval).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The start of its interval, when said.</summary>
    public DateTimeOffset? StartTimestamp { get; init; }

    /// <summary>A sum's or gauge's value.</summary>
    public double? Value { get; init; }

    /// <summary>A histogram's data.</summary>
    public ApiHistogramPoint? Histogram { get; init; }

    /// <summary>An exponential histogram's data.</summary>
    public ApiExponentialHistogramPoint? ExponentialHistogram { get; init; }

    /// <summary>A summary's data.</summary>
    public ApiSummaryPoint? Summary { get; init; }
}
