using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>Which meters are collected and how (configuration section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>The default interval between two metric exports.</summary>
    public const int DefaultExportIntervalMilliseconds = 10_000;

    /// <summary>Whether metrics are collected at all. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Meter names to collect, besides Vigil's own. A trailing <c>*</c> is a wildcard; <c>*</c> alone collects every meter.</summary>
    public IList<string> Meters { get; } = new List<string>();

    /// <summary>Explicit bucket boundaries per histogram (instrument) name, ascending.</summary>
    public IDictionary<string, double[]> HistogramBuckets { get; } = new Dictionary<string, double[]>(StringComparer.Ordinal);

    /// <summary>
    /// Which measurements keep the span they were recorded in as an exemplar, sent with the metric to every sink (the
    /// local store, OTLP). Default: <see cref="ExemplarFilterKind.TraceBased"/>, so a chart's values link to their traces
    /// for the cost of a check of <c>Activity.Current</c> per measurement; OpenTelemetry's own default is off.
    /// </summary>
    public ExemplarFilterKind ExemplarFilter { get; set; } = ExemplarFilterKind.TraceBased;

    /// <summary>How often metrics are collected and exported. Default: 10 seconds.</summary>
    [Range(100, 3_600_000)]
    public int ExportIntervalMilliseconds { get; set; } = DefaultExportIntervalMilliseconds;
}
