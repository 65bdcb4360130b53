using Google.Protobuf.Collections;
using Vigil.Model;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Otlp.Proto.Metrics.V1;
using ProtoTemporality = Vigil.Server.Otlp.Proto.Metrics.V1.AggregationTemporality;
using StoreTemporality = Vigil.Model.AggregationTemporality;

namespace Vigil.Server.Otlp.Mapping;

internal static partial class OtlpMapper
{
    public static OtlpMappingResult MapMetrics(ExportMetricsServiceRequest request)
    {
        var points = new List<MetricPoint>();
        var rejected = new RejectionTally();
        var exemplars = new ExemplarTally();
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = MapResource(resourceMetrics.Resource, resourceMetrics.SchemaUrl);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var scope = MapScope(scopeMetrics.Scope);
                foreach (var metric in scopeMetrics.Metrics)
                {
                    MapMetric(metric, scope, resource, points, rejected, exemplars);
                }
            }
        }

        return new(new TelemetryBatch { MetricPoints = points }, points.Count, rejected.Count, rejected.Message)
        {
            DroppedExemplars = exemplars.Dropped,
            Warning = exemplars.Message,
        };
    }

    private static void MapMetric(Metric metric, InstrumentationScopeInfo scope, TelemetryResource resource, List<MetricPoint> points, RejectionTally rejected, ExemplarTally exemplars)
    {
        // Points of one series in one export (several timestamps of it) share one series object: mapped once, and
        // resolved by the store writer once per batch by reference (issue 12, item 6). A metric's kind, temporality
        // and monotonicity are the same for all its points, so its attributes alone tell its series apart;
        // protobuf's RepeatedField compares and hashes by content.
        Dictionary<RepeatedField<KeyValue>, MetricSeriesInfo>? seen = null;
        MetricSeriesInfo Series(MetricKind kind, ProtoTemporality temporality, bool monotonic, RepeatedField<KeyValue> attributes)
        {
            seen ??= [];
            if (seen.TryGetValue(attributes, out var known))
            {
                return known;
            }

            var series = new MetricSeriesInfo
            {
                Name = metric.Name,
                Description = metric.Description.Length == 0 ? null : metric.Description,
                Unit = metric.Unit.Length == 0 ? null : metric.Unit,
                Kind = kind,
                Temporality = (StoreTemporality)Math.Clamp((int)temporality, 0, (int)StoreTemporality.Cumulative),
                IsMonotonic = monotonic,
                Attributes = MapAttributes(attributes),
                Scope = scope,
                Resource = resource,
            };
            seen[attributes] = series;
            return series;
        }

        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                AddNumberPoints(metric.Gauge.DataPoints, p => Series(MetricKind.Gauge, ProtoTemporality.Unspecified, false, p.Attributes), points, rejected, exemplars, metric.Name);
                break;
            case Metric.DataOneofCase.Sum:
                var sum = metric.Sum;
                AddNumberPoints(sum.DataPoints, p => Series(MetricKind.Sum, sum.AggregationTemporality, sum.IsMonotonic, p.Attributes), points, rejected, exemplars, metric.Name);
                break;
            case Metric.DataOneofCase.Histogram:
                foreach (var p in metric.Histogram.DataPoints)
                {
                    if (p.BucketCounts.Count != 0 && p.BucketCounts.Count != p.ExplicitBounds.Count + 1)
                    {
                        rejected.Reject($"metric '{metric.Name}': a histogram point has {p.BucketCounts.Count} bucket counts for {p.ExplicitBounds.Count} bounds (expected bounds + 1)");
                        continue;
                    }

                    points.Add(Point(Series(MetricKind.Histogram, metric.Histogram.AggregationTemporality, false, p.Attributes), p.StartTimeUnixNano, p.TimeUnixNano) with
                    {
                        Histogram = new HistogramData
                        {
                            Count = (long)p.Count,
                            Sum = p.HasSum ? p.Sum : null,
                            Min = p.HasMin ? p.Min : null,
                            Max = p.HasMax ? p.Max : null,
                            ExplicitBounds = [.. p.ExplicitBounds],
                            BucketCounts = p.BucketCounts.Select(c => (long)c).ToList(),
                        },
                        Exemplars = MapExemplars(p.Exemplars, exemplars, metric.Name),
                    });
                }

                break;
            case Metric.DataOneofCase.ExponentialHistogram:
                foreach (var p in metric.ExponentialHistogram.DataPoints)
                {
                    points.Add(Point(Series(MetricKind.ExponentialHistogram, metric.ExponentialHistogram.AggregationTemporality, false, p.Attributes), p.StartTimeUnixNano, p.TimeUnixNano) with
                    {
                        ExponentialHistogram = new ExponentialHistogramData
                        {
                            Count = (long)p.Count,
                            Sum = p.HasSum ? p.Sum : null,
                            Min = p.HasMin ? p.Min : null,
                            Max = p.HasMax ? p.Max : null,
                            Scale = p.Scale,
                            ZeroCount = (long)p.ZeroCount,
                            ZeroThreshold = p.ZeroThreshold,
                            PositiveOffset = p.Positive?.Offset ?? 0,
                            PositiveBucketCounts = p.Positive?.BucketCounts.Select(c => (long)c).ToList() ?? [],
                            NegativeOffset = p.Negative?.Offset ?? 0,
                            NegativeBucketCounts = p.Negative?.BucketCounts.Select(c => (long)c).ToList() ?? [],
                        },
                        Exemplars = MapExemplars(p.Exemplars, exemplars, metric.Name),
                    });
                }

                break;
            case Metric.DataOneofCase.Summary:
                foreach (var p in metric.Summary.DataPoints)
                {
                    points.Add(Point(Series(MetricKind.Summary, ProtoTemporality.Unspecified, false, p.Attributes), p.StartTimeUnixNano, p.TimeUnixNano) with
                    {
                        Summary = new SummaryData
                        {
                            Count = (long)p.Count,
                            Sum = p.Sum,
                            Quantiles = p.QuantileValues.Select(q => new SummaryQuantile(q.Quantile, q.Value)).ToList(),
                        },
                    });
                }

                break;
            default:
                // A metric with no data carries no points: nothing to store and nothing to reject.
                break;
        }
    }

    private static void AddNumberPoints(
        RepeatedField<NumberDataPoint> dataPoints, Func<NumberDataPoint, MetricSeriesInfo> series, List<MetricPoint> points, RejectionTally rejected, ExemplarTally exemplars, string name)
    {
        foreach (var p in dataPoints)
        {
            double? value = p.ValueCase switch
            {
                NumberDataPoint.ValueOneofCase.AsDouble => p.AsDouble,
                NumberDataPoint.ValueOneofCase.AsInt => p.AsInt,
                _ => null,
            };

            // A point without a value is only valid when it says so (the no-recorded-value flag).
            if (value is null && (p.Flags & (uint)DataPointFlags.NoRecordedValueMask) == 0)
            {
                rejected.Reject($"metric '{name}': a number point has no value");
                continue;
            }

            points.Add(Point(series(p), p.StartTimeUnixNano, p.TimeUnixNano) with { Value = value, Exemplars = MapExemplars(p.Exemplars, exemplars, name) });
        }
    }

    private static MetricPoint Point(MetricSeriesInfo series, ulong startTimeUnixNano, ulong timeUnixNano) => new()
    {
        Series = series,
        Timestamp = FromUnixNano(timeUnixNano),
        StartTimestamp = FromUnixNanoOrNull(startTimeUnixNano),
    };
}
