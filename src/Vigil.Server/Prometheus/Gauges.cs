using Vigil.Model.Prometheus;
using Vigil.Storage;

namespace Vigil.Server.Prometheus;

/// <summary>The gauge families of the server's own figures: one value, or one value per signal (label <c>signal</c>).</summary>
internal static class Gauges
{
    public static ExpositionFamily One(string name, string help, double value) =>
        new(name, "gauge", help, [new ExpositionSample(string.Empty, string.Empty, value)]);

    public static ExpositionFamily BySignal(string name, string help, IEnumerable<(string Signal, double Value)> values) =>
        new(name, "gauge", help, [.. values.Select(v => new ExpositionSample(string.Empty, PrometheusNames.LabelSet([new("signal", v.Signal)]), v.Value))]);

    /// <summary>Unix seconds, as Prometheus' <c>_timestamp_seconds</c> gauges carry a time.</summary>
    public static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>What a retention pass (the guard's drop, or a scheduled run) deleted, by signal.</summary>
    public static IEnumerable<(string Signal, double Value)> DeletedBySignal(RetentionResult result) =>
    [
        ("logs", result.LogsDeleted),
        ("spans", result.SpansDeleted),
        ("metrics", result.MetricPointsDeleted),
        ("errors", result.ErrorEventsDeleted),
        ("health", result.HealthResultsDeleted),
    ];
}
