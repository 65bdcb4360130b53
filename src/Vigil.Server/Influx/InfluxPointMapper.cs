using Vigil.Model;
using Vigil.Server.Otlp.Mapping;

namespace Vigil.Server.Influx;

/// <summary>
/// Line-protocol points become gauge points, one per numeric field, named as Telegraf's Prometheus output names them:
/// <c>measurement_field</c>, or <c>measurement</c> alone for a field called <c>value</c>. Tags become the series'
/// attributes, except a <c>service.name</c> tag, which names the resource (else <c>influx</c>). Booleans are 1 or 0;
/// string fields are not values of a metric and are left out, counted as rejected. See docs/dialects.md.
/// </summary>
internal static class InfluxPointMapper
{
    public const string DefaultService = "influx";
    private const string ValueField = "value";

    public static OtlpMappingResult Map(IReadOnlyList<InfluxPoint> points, DateTimeOffset now)
    {
        var metricPoints = new List<MetricPoint>();
        var series = new Dictionary<string, MetricSeriesInfo>(StringComparer.Ordinal);
        var rejected = 0;
        string? firstError = null;
        foreach (var point in points)
        {
            var resource = Resource(point.Tags);
            var attributes = point.Tags.Where(t => t.Key != TelemetryResource.ServiceNameKey).Select(t => new KeyValuePair<string, object?>(t.Key, t.Value)).ToList();
            foreach (var field in point.Fields)
            {
                if (field.Type == InfluxFieldType.String)
                {
                    rejected++;
                    firstError ??= $"field '{field.Key}' of '{point.Measurement}' is a string, not a metric value; string fields are not stored";
                    continue;
                }

                var name = field.Key == ValueField ? point.Measurement : point.Measurement + "_" + field.Key;
                metricPoints.Add(new MetricPoint
                {
                    Series = Series(series, name, attributes, resource),
                    Timestamp = point.Timestamp ?? now,
                    Value = field.Number,
                });
            }
        }

        return new OtlpMappingResult(new TelemetryBatch { MetricPoints = metricPoints }, metricPoints.Count, rejected, firstError);
    }

    private static TelemetryResource Resource(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        var service = tags.LastOrDefault(t => t.Key == TelemetryResource.ServiceNameKey).Value ?? DefaultService;
        return new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, service)] };
    }

    // Points of one series in one request share one series object, which the store resolves once per batch.
    private static MetricSeriesInfo Series(Dictionary<string, MetricSeriesInfo> seen, string name, List<KeyValuePair<string, object?>> attributes, TelemetryResource resource)
    {
        var key = string.Join('\u0000', [name, resource.ServiceName, .. attributes.Select(a => a.Key + '\u0001' + a.Value)]);
        if (!seen.TryGetValue(key, out var series))
        {
            series = new MetricSeriesInfo { Name = name, Kind = MetricKind.Gauge, Attributes = attributes, Resource = resource };
            seen[key] = series;
        }

        return series;
    }
}
