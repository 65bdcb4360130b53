using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// One stored series and its points, the input of <see cref="MetricAggregator"/>. Points are in
/// time order and may include, first, the latest point before the query range: cumulative series
/// need it as the baseline of the first increase.
/// </summary>
/// <param name="Series">The series identity.</param>
/// <param name="Points">Its points, oldest first.</param>
public sealed record MetricSeriesData(MetricSeriesInfo Series, IReadOnlyList<MetricPoint> Points);
