using Vigil.Alerting.Configuration;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Slos;

/// <summary>Reads an <see cref="SloIndicatorSection"/>: the kind, the keys it needs, and no keys it does not use.</summary>
internal static class SloIndicatorReader
{
    public const string Ratio = "ratio";
    public const string Histogram = "histogram";
    public const string SpanErrors = "spanErrors";
    public const string SpanLatency = "spanLatency";

    private const string Kinds = "ratio (Good and Total counters), histogram (Histogram and AtOrUnder), spanErrors (server spans with error status), spanLatency (server spans SlowerThan a duration)";

    /// <summary>Thresholds of a server span are at most a day (longer is a batch job, not a request).</summary>
    private static readonly TimeSpan s_maxSlowerThan = TimeSpan.FromDays(1);

    public static ISloIndicator? Read(SloIndicatorSection? section, string service, string path, List<ConfigurationProblem> problems)
    {
        if (section is null)
        {
            problems.Add(new(path, $"is missing: give Kind, one of {Kinds}"));
            return null;
        }

        var kind = section.Kind;
        if (string.IsNullOrWhiteSpace(kind))
        {
            problems.Add(new($"{path}:Kind", $"is missing: one of {Kinds}"));
            return null;
        }

        var before = problems.Count;
        ISloIndicator? indicator;
        if (Is(kind, Ratio))
        {
            Unused(section, path, problems, histogram: true, atOrUnder: true, slowerThan: true);
            var good = Metric(section.Good, service, $"{path}:Good", "the counter of good events", problems);
            var total = Metric(section.Total, service, $"{path}:Total", "the counter of all events", problems);
            indicator = good is null || total is null ? null : new MetricRatioIndicator(good, total);
        }
        else if (Is(kind, Histogram))
        {
            Unused(section, path, problems, good: true, total: true, slowerThan: true);
            var histogram = Metric(section.Histogram, service, $"{path}:Histogram", "the latency histogram", problems);
            var threshold = AtOrUnder(section.AtOrUnder, $"{path}:AtOrUnder", problems);
            indicator = histogram is null || threshold is null ? null : new HistogramLatencyIndicator(histogram, threshold.Value);
        }
        else if (Is(kind, SpanErrors))
        {
            Unused(section, path, problems, good: true, total: true, histogram: true, atOrUnder: true, slowerThan: true);
            indicator = new SpanErrorIndicator(service);
        }
        else if (Is(kind, SpanLatency))
        {
            Unused(section, path, problems, good: true, total: true, histogram: true, atOrUnder: true);
            var threshold = SloSectionReader.Duration(section.SlowerThan, $"{path}:SlowerThan", TimeSpan.FromMilliseconds(1), s_maxSlowerThan, problems);
            indicator = threshold is null ? null : new SpanLatencyIndicator(service, threshold.Value);
        }
        else
        {
            problems.Add(new($"{path}:Kind", $"{ConfigurationText.Show(kind)} is not an indicator kind: one of {Kinds}"));
            return null;
        }

        return problems.Count > before ? null : indicator;
    }

    private static bool Is(string kind, string name) => string.Equals(kind.Trim(), name, StringComparison.OrdinalIgnoreCase);

    private static MetricSelector? Metric(SloMetricSection? section, string service, string path, string what, List<ConfigurationProblem> problems)
    {
        if (section is null)
        {
            problems.Add(new(path, $"is missing: give {what} as {{ \"Metric\": \"name\" }}"));
            return null;
        }

        var name = SloSectionReader.Text(section.Metric, $"{path}:Metric", $"the name of {what}", problems);
        foreach (var (key, _) in section.Attributes)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add(new($"{path}:Attributes", "has a blank attribute key"));
            }
        }

        return name is null ? null : new MetricSelector(name, service, [.. section.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal)]);
    }

    private static double? AtOrUnder(double? value, string path, List<ConfigurationProblem> problems)
    {
        if (value is not { } threshold)
        {
            problems.Add(new(path, "is missing: give the largest good value, in the histogram's unit (e.g. 0.3 for 300 ms in seconds)"));
            return null;
        }

        if (!double.IsFinite(threshold) || threshold < 0)
        {
            problems.Add(new(path, $"{ConfigurationText.Show(threshold)} is not allowed: a number, 0 or more, in the histogram's unit"));
            return null;
        }

        return threshold;
    }

    private static void Unused(
        SloIndicatorSection section,
        string path,
        List<ConfigurationProblem> problems,
        bool good = false,
        bool total = false,
        bool histogram = false,
        bool atOrUnder = false,
        bool slowerThan = false)
    {
        // A key the kind ignores is a mistake the user would not see otherwise (a threshold that does nothing).
        var kind = section.Kind!.Trim();
        Report(good && section.Good is not null, "Good");
        Report(total && section.Total is not null, "Total");
        Report(histogram && section.Histogram is not null, "Histogram");
        Report(atOrUnder && section.AtOrUnder is not null, "AtOrUnder");
        Report(slowerThan && section.SlowerThan is not null, "SlowerThan");

        void Report(bool present, string key)
        {
            if (present)
            {
                problems.Add(new($"{path}:{key}", $"is not used by Kind {ConfigurationText.Show(kind)}: remove it, or choose the kind that uses it ({Kinds})"));
            }
        }
    }
}
