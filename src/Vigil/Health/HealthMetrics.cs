using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Vigil.Model;

namespace Vigil.Health;

/// <summary>
/// Health check results as metrics on the <c>Vigil</c> meter: <c>vigil.health.status</c>, a gauge per check
/// (0 healthy, 1 degraded, 2 unhealthy: the same numbers as <c>vigil health</c>'s exit codes), and
/// <c>vigil.health.check.duration</c>, a histogram in seconds; both tagged with the check's name.
/// </summary>
internal sealed class HealthMetrics
{
    public const string StatusInstrument = "vigil.health.status";
    public const string DurationInstrument = "vigil.health.check.duration";

    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly Histogram<double> _duration;

    public HealthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(OperationTracker.InstrumentationName);
        meter.CreateObservableGauge(StatusInstrument, Observe, "{status}", "The last status of each health check: 0 healthy, 1 degraded, 2 unhealthy.");
        _duration = meter.CreateHistogram<double>(DurationInstrument, "s", "How long each health check took.");
    }

    public void Record(string name, HealthStatus status, TimeSpan duration)
    {
        _statuses[name] = (int)status;
        _duration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(HealthLogRecord.Name, name));
    }

    private IEnumerable<Measurement<int>> Observe() =>
        _statuses.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>(HealthLogRecord.Name, pair.Key)));
}
