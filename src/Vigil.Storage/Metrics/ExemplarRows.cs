using System.Text.Json;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage;

/// <summary>
/// The one stored form of a point's exemplars, and the one reading of them, for every engine: a JSON array in the
/// point's row (so retention, which deletes points, deletes their exemplars with them), NULL when the point has none
/// (so a query skips those rows without parsing them). Rows are fed newest point first; reading stops once the limit
/// is passed.
/// </summary>
public sealed class ExemplarRows
{
    private readonly int _limit;
    private readonly List<SeriesExemplar> _found = [];

    /// <summary>Collects up to <paramref name="limit"/> exemplars.</summary>
    /// <param name="limit">The query's limit.</param>
    public ExemplarRows(int limit) => _limit = limit;

    /// <summary>
    /// The rows to read at most: every point carries at least one exemplar, so one row more than the limit always tells
    /// whether anything was left out.
    /// </summary>
    public int RowLimit => _limit + 1;

    /// <summary>True once more than the limit was found: the caller can stop reading.</summary>
    public bool Full => _found.Count > _limit;

    /// <summary>A point's exemplars as stored; null when it has none.</summary>
    /// <param name="point">The point.</param>
    /// <returns>The JSON array, or null.</returns>
    public static string? Serialize(MetricPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return point.Exemplars.Count == 0 ? null : JsonSerializer.Serialize(point.Exemplars, TelemetryJson.Options);
    }

    /// <summary>Reads a stored array back.</summary>
    /// <param name="json">What <see cref="Serialize"/> wrote, or null.</param>
    /// <returns>The exemplars; empty for null.</returns>
    public static IReadOnlyList<MetricExemplar> Deserialize(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<MetricExemplar>>(json, TelemetryJson.Options) ?? [];

    /// <summary>Adds one point's exemplars (rows newest point first).</summary>
    /// <param name="series">The point's series.</param>
    /// <param name="pointTimestamp">The point's time.</param>
    /// <param name="json">The point's stored exemplars.</param>
    public void Add(MetricSeriesInfo series, DateTimeOffset pointTimestamp, string json)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (var exemplar in Deserialize(json))
        {
            if (Full)
            {
                return;
            }

            _found.Add(new SeriesExemplar
            {
                Series = series,
                PointTimestamp = pointTimestamp,
                Exemplar = exemplar,
            });
        }
    }

    /// <summary>What was found, cut to the limit.</summary>
    /// <returns>The result.</returns>
    public ExemplarQueryResult ToResult() => new()
    {
        Exemplars = Full ? _found[.._limit] : _found,
        Truncated = Full,
    };
}
