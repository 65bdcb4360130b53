using OpenTelemetry.Logs;
using Vigil.Model;

namespace Vigil.Logging;

/// <summary>
/// Keeps the console quiet about health: a check result (<see cref="HealthLogRecord"/>) is printed when it is not
/// healthy, or when its check's status changed (the first result of a check counts as a change). A healthy check
/// therefore prints once at start and once on each recovery, not every period; the other sinks get every result.
/// Not thread-safe: the console exporter calls it under its lock.
/// </summary>
internal sealed class HealthConsoleFilter
{
    // Names come from records, which anything can write; past this many the memory is started afresh.
    private const int MaxChecks = 1024;

    private readonly Dictionary<string, string> _lastStatus = new(StringComparer.Ordinal);

    public bool ShouldWrite(LogRecord record)
    {
        if (!string.Equals(record.EventId.Name, HealthLogRecord.EventName, StringComparison.Ordinal) || record.Attributes is not { } attributes)
        {
            return true;
        }

        string? name = null;
        string? status = null;
        foreach (var (key, value) in attributes)
        {
            if (key == HealthLogRecord.Name)
            {
                name = value as string;
            }
            else if (key == HealthLogRecord.Status)
            {
                status = value as string;
            }
        }

        if (name is null || status is null)
        {
            return true;
        }

        var changed = !_lastStatus.TryGetValue(name, out var previous) || previous != status;
        if (changed && _lastStatus.Count >= MaxChecks)
        {
            _lastStatus.Clear();
        }

        _lastStatus[name] = status;
        return changed || status != HealthLogRecord.StatusText(HealthStatus.Healthy);
    }
}
