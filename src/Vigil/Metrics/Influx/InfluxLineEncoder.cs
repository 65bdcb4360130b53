using System.Buffers;
using System.Globalization;
using System.Text;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Metrics.Influx;

/// <summary>
/// Writes metric points as InfluxDB line protocol (https://docs.influxdata.com/influxdb/v1/write_protocols/line_protocol_reference/),
/// the one encoder behind the SDK's InfluxDB sink and <c>vigil metrics --format influx</c>. The schema is in
/// docs/dialects.md: the measurement is the metric's name; the tags are <c>service.name</c> and the point's
/// attributes; a sum or gauge is the field <c>value</c> (the field <c>vigil serve</c>'s <c>/write</c> reads as the
/// measurement alone); a histogram keeps <c>count</c>, <c>sum</c>, <c>min</c>, <c>max</c> and one cumulative
/// count per upper bound (<c>+Inf</c> last), as Telegraf's Prometheus schema does; a delta point is tagged
/// <c>otel.temporality=delta</c>.
/// </summary>
internal static class InfluxLineEncoder
{
    /// <summary>The tag a delta point carries, so its values are summed over time rather than differenced.</summary>
    public const string TemporalityTag = "otel.temporality";

    private static readonly SearchValues<char> s_measurementSpecials = SearchValues.Create(", \\\n\r");
    private static readonly SearchValues<char> s_keySpecials = SearchValues.Create(",= \\\n\r");

    /// <summary>
    /// Appends <paramref name="point"/> as one line ending in <c>\n</c>; false, with nothing appended, when it has
    /// no field line protocol can carry (no name, or only NaN and infinite values, which it cannot spell), or a name that
    /// starts with <c>#</c>, which would make the line a comment that InfluxDB silently skips.
    /// </summary>
    public static bool TryAppend(StringBuilder output, MetricPoint point)
    {
        var series = point.Series;
        if (series.Name.Length == 0 || series.Name[0] == '#')
        {
            return false;
        }

        var start = output.Length;
        Escape(output, series.Name, s_measurementSpecials);
        AppendTags(output, series);
        output.Append(' ');
        var fieldsStart = output.Length;
        AppendFields(output, point);
        if (output.Length == fieldsStart)
        {
            output.Length = start;
            return false;
        }

        output.Append(' ');
        AppendInvariant(output, UnixNanoseconds(point.Timestamp));
        output.Append('\n');
        return true;
    }

    /// <summary>A time as nanoseconds since 1970, the protocol's default precision.</summary>
    public static long UnixNanoseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private static void AppendTags(StringBuilder output, MetricSeriesInfo series)
    {
        // Sorted by key, as the reference recommends (the server then need not sort them); attributes are few.
        // An empty tag value is refused by InfluxDB, so such attributes are left out.
        var tags = new List<(string Key, string Value, int Order)>(series.Attributes.Count + 2);
        foreach (var (key, value) in series.Attributes)
        {
            if (AttributeText.Of(value) is { Length: > 0 } text && key.Length > 0)
            {
                tags.Add((key, text, tags.Count));
            }
        }

        if (series.Resource.ServiceName is { Length: > 0 } service)
        {
            tags.Add((TelemetryResource.ServiceNameKey, service, tags.Count));
        }

        if (series.Temporality == AggregationTemporality.Delta)
        {
            tags.Add((TemporalityTag, "delta", tags.Count));
        }

        if (tags.Count > 1)
        {
            tags.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey : a.Order.CompareTo(b.Order));
        }

        string? previous = null;
        foreach (var (key, value, _) in tags)
        {
            // A key twice is a line InfluxDB 2.x refuses; the first (an attribute over the resource) wins.
            if (key == previous)
            {
                continue;
            }

            previous = key;
            output.Append(',');
            Escape(output, key, s_keySpecials);
            output.Append('=');
            Escape(output, value, s_keySpecials);
        }
    }

    private static void AppendFields(StringBuilder output, MetricPoint point)
    {
        var fields = new FieldWriter(output);
        if (point.Histogram is { } histogram)
        {
            fields.Integer("count", histogram.Count);
            fields.Float("sum", histogram.Sum);
            fields.Float("min", histogram.Min);
            fields.Float("max", histogram.Max);
            AppendBuckets(ref fields, histogram.ExplicitBounds, histogram.BucketCounts);
        }
        else if (point.ExponentialHistogram is { } exponential)
        {
            fields.Integer("count", exponential.Count);
            fields.Float("sum", exponential.Sum);
            fields.Float("min", exponential.Min);
            fields.Float("max", exponential.Max);
            var (bounds, counts) = ExponentialCounts.From(exponential).ToExplicit();
            AppendBuckets(ref fields, bounds, counts);
        }
        else if (point.Summary is { } summary)
        {
            fields.Integer("count", summary.Count);
            fields.Float("sum", summary.Sum);
            foreach (var quantile in summary.Quantiles)
            {
                fields.Float(quantile.Quantile.ToString("R", CultureInfo.InvariantCulture), quantile.Value);
            }
        }
        else
        {
            fields.Float("value", point.Value);
        }
    }

    // Cumulative counts by upper bound, as Prometheus's `le` buckets: a query for "requests under 0.5 s" reads one field.
    private static void AppendBuckets(ref FieldWriter fields, IReadOnlyList<double> bounds, IReadOnlyList<long> counts)
    {
        long cumulative = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            cumulative += counts[i];
            if (i < bounds.Count)
            {
                fields.Integer(bounds[i].ToString("R", CultureInfo.InvariantCulture), cumulative);
            }
        }

        fields.Integer("+Inf", cumulative);
    }

    /// <summary>
    /// Escapes what the reference lists for the position with a backslash. A newline cannot be escaped in a name or
    /// tag, so it is written as an escaped space; a backslash before an escapable character or at the end is doubled,
    /// so that it cannot escape what follows (InfluxDB then keeps both backslashes: such names do not read back alike).
    /// </summary>
    private static void Escape(StringBuilder output, string text, SearchValues<char> specials)
    {
        var span = text.AsSpan();
        while (true)
        {
            var index = span.IndexOfAny(specials);
            if (index < 0)
            {
                output.Append(span);
                return;
            }

            output.Append(span[..index]);
            var c = span[index];
            switch (c)
            {
                case '\n' or '\r':
                    output.Append("\\ ");
                    break;
                case '\\':
                    var next = index + 1 < span.Length ? span[index + 1] : '\0';
                    output.Append(next == '\0' || specials.Contains(next) ? "\\\\" : "\\");
                    break;
                default:
                    output.Append('\\').Append(c);
                    break;
            }

            span = span[(index + 1)..];
        }
    }

    private static void AppendInvariant(StringBuilder output, long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        output.Append(digits[..written]);
    }

    /// <summary>Writes <c>key=value</c> pairs separated by commas, leaving out values the protocol cannot spell.</summary>
    private ref struct FieldWriter(StringBuilder output)
    {
        private bool _any;

        public void Float(string key, double? value)
        {
            if (value is not { } v || !double.IsFinite(v))
            {
                return;
            }

            Key(key);
            Span<char> digits = stackalloc char[32];
            v.TryFormat(digits, out var written, "R", CultureInfo.InvariantCulture);
            output.Append(digits[..written]);
        }

        public void Integer(string key, long value)
        {
            Key(key);
            AppendInvariant(output, value);
            output.Append('i');
        }

        private void Key(string key)
        {
            if (_any)
            {
                output.Append(',');
            }

            _any = true;
            Escape(output, key, s_keySpecials);
            output.Append('=');
        }
    }
}
