using Vigil.Model;
using Vigil.Server.Otlp.Proto.Collector.Metrics.V1;
using Vigil.Server.Otlp.Proto.Metrics.V1;
using ProtoTemporality = Vigil.Server.Otlp.Proto.Metrics.V1.AggregationTemporality;

namespace Vigil.Server.Otlp.Export;

internal static partial class OtlpExportMapper
{
    public static ExportMetricsServiceRequest ToRequest(IEnumerable<MetricPoint> points)
    {
        var request = new ExportMetricsServiceRequest();
        foreach (var (resource, scopes) in Group(points, p => p.Series.Resource, p => p.Series.Scope))
        {
            var resourceMetrics = new ResourceMetrics { Resource = ToResource(resource), SchemaUrl = resource.SchemaUrl ?? string.Empty };
            foreach (var (scope, records) in scopes)
            {
                var scopeMetrics = new ScopeMetrics { Scope = ToScope(scope) };

                // One Metric per series object: its points share name, kind and attributes, as the receiver maps them.
                var metrics = new Dictionary<MetricSeriesInfo, Metric>(ReferenceEqualityComparer.Instance);
                foreach (var point in records)
                {
                    if (!metrics.TryGetValue(point.Series, out var metric))
                    {
                        metric = NewMetric(point.Series);
                        metrics[point.Series] = metric;
                        scopeMetrics.Metrics.Add(metric);
                    }

                    AddPoint(metric, point);
                }

                resourceMetrics.ScopeMetrics.Add(scopeMetrics);
            }

            request.ResourceMetrics.Add(resourceMetrics);
        }

        return request;
    }

    private static Metric NewMetric(MetricSeriesInfo series)
    {
        var metric = new Metric { Name = series.Name, Description = series.Description ?? string.Empty, Unit = series.Unit ?? string.Empty };
        var temporality = (ProtoTemporality)(int)series.Temporality;
        switch (series.Kind)
        {
            case MetricKind.Sum:
                metric.Sum = new Sum { AggregationTemporality = temporality, IsMonotonic = series.IsMonotonic };
                break;
            case MetricKind.Histogram:
                metric.Histogram = new Histogram { AggregationTemporality = temporality };
                break;
            case MetricKind.ExponentialHistogram:
                metric.ExponentialHistogram = new ExponentialHistogram { AggregationTemporality = temporality };
                break;
            case MetricKind.Summary:
                metric.Summary = new Summary();
                break;
            default:
                metric.Gauge = new Gauge();
                break;
        }

        return metric;
    }

    private static void AddPoint(Metric metric, MetricPoint point)
    {
        var time = ToUnixNano(point.Timestamp);
        var start = point.StartTimestamp is { } s ? ToUnixNano(s) : 0;
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Histogram when point.Histogram is { } h:
                var histogram = new HistogramDataPoint { TimeUnixNano = time, StartTimeUnixNano = start, Count = (ulong)h.Count };
                if (h.Sum is { } sum)
                {
                    histogram.Sum = sum;
                }

                if (h.Min is { } min)
                {
                    histogram.Min = min;
                }

                if (h.Max is { } max)
                {
                    histogram.Max = max;
                }

                histogram.ExplicitBounds.AddRange(h.ExplicitBounds);
                histogram.BucketCounts.AddRange(h.BucketCounts.Select(c => (ulong)c));
                AddAttributes(histogram.Attributes, point.Series.Attributes);
                AddExemplars(histogram.Exemplars, point.Exemplars);
                metric.Histogram.DataPoints.Add(histogram);
                break;
            case Metric.DataOneofCase.ExponentialHistogram when point.ExponentialHistogram is { } e:
                var exponential = new ExponentialHistogramDataPoint
                {
                    TimeUnixNano = time,
                    StartTimeUnixNano = start,
                    Count = (ulong)e.Count,
                    Scale = e.Scale,
                    ZeroCount = (ulong)e.ZeroCount,
                    ZeroThreshold = e.ZeroThreshold,
                    Positive = new() { Offset = e.PositiveOffset },
                    Negative = new() { Offset = e.NegativeOffset },
                };
                if (e.Sum is { } eSum)
                {
                    exponential.Sum = eSum;
                }

                if (e.Min is { } eMin)
                {
                    exponential.Min = eMin;
                }

                if (e.Max is { } eMax)
                {
                    exponential.Max = eMax;
                }

                exponential.Positive.BucketCounts.AddRange(e.PositiveBucketCounts.Select(c => (ulong)c));
                exponential.Negative.BucketCounts.AddRange(e.NegativeBucketCounts.Select(c => (ulong)c));
                AddAttributes(exponential.Attributes, point.Series.Attributes);
                AddExemplars(exponential.Exemplars, point.Exemplars);
                metric.ExponentialHistogram.DataPoints.Add(exponential);
                break;
            case Metric.DataOneofCase.Summary when point.Summary is { } q:
                var summary = new SummaryDataPoint { TimeUnixNano = time, StartTimeUnixNano = start, Count = (ulong)q.Count, Sum = q.Sum };
                summary.QuantileValues.AddRange(q.Quantiles.Select(v => new SummaryDataPoint.Types.ValueAtQuantile { Quantile = v.Quantile, Value = v.Value }));
                AddAttributes(summary.Attributes, point.Series.Attributes);
                metric.Summary.DataPoints.Add(summary);
                break;
            case Metric.DataOneofCase.Sum:
                metric.Sum.DataPoints.Add(NumberPoint(point, time, start));
                break;
            case Metric.DataOneofCase.Gauge:
                metric.Gauge.DataPoints.Add(NumberPoint(point, time, start));
                break;
            default:
                // A point whose data does not match its series' kind cannot be written as OTLP; the store never holds one.
                break;
        }
    }

    private static NumberDataPoint NumberPoint(MetricPoint point, ulong time, ulong start)
    {
        var number = new NumberDataPoint { TimeUnixNano = time, StartTimeUnixNano = start };
        if (point.Value is { } value)
        {
            number.AsDouble = value;
        }
        else
        {
            number.Flags = (uint)DataPointFlags.NoRecordedValueMask;
        }

        AddAttributes(number.Attributes, point.Series.Attributes);
        AddExemplars(number.Exemplars, point.Exemplars);
        return number;
    }
}
