using System.Data.Common;
using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Turns an engine's rows of health results into <see cref="HealthHistory"/> lists, so every engine reads the same
/// columns the same way: <see cref="Columns"/> in that order, ordered by check (kind, service, name) and then newest
/// first, which is the order <c>QueryHealthHistoryAsync</c> answers in.
/// </summary>
public sealed class HealthHistoryRows
{
    /// <summary>
    /// The columns each row must have, in order (prefix each with the results table's alias):
    /// kind, service_name, name, time, status, observed, duration, description.
    /// </summary>
    public static readonly IReadOnlyList<string> Columns = ["kind", "service_name", "name", "time", "status", "observed", "duration", "description"];

    private readonly List<HealthHistory> _histories = [];
    private List<HealthHistoryEntry>? _current;

    /// <summary>The histories read so far, one per check, in the rows' order.</summary>
    public IReadOnlyList<HealthHistory> Histories => _histories;

    /// <summary>The <see cref="Columns"/> with <paramref name="alias"/> before each, comma-separated, for a SELECT.</summary>
    /// <param name="alias">The results table's alias.</param>
    /// <returns>The select list.</returns>
    public static string SelectList(string alias) => string.Join(", ", Columns.Select(c => $"{alias}.{c}"));

    /// <summary>Adds the reader's current row: to the last history when it is the same check, else as a new one.</summary>
    /// <param name="reader">A reader positioned on a row of <see cref="Columns"/>.</param>
    public void Add(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var kind = (HealthSourceKind)reader.GetInt32(0);
        var service = reader.GetString(1);
        var serviceName = service.Length == 0 ? null : service;
        var name = reader.GetString(2);
        var entry = new HealthHistoryEntry
        {
            Timestamp = UnixTime.FromNanoseconds(reader.GetInt64(3)),
            Status = (HealthStatus)reader.GetInt32(4),
            Observed = (HealthStatus)reader.GetInt32(5),
            Duration = UnixTime.DurationFromNanoseconds(reader.GetInt64(6)),
            Description = reader.IsDBNull(7) ? null : reader.GetString(7),
        };
        var last = _histories.Count == 0 ? null : _histories[^1];
        if (_current is null || last is null || last.Kind != kind || last.ServiceName != serviceName || last.Name != name)
        {
            _current = [];
            _histories.Add(new HealthHistory { Kind = kind, ServiceName = serviceName, Name = name, Results = _current });
        }

        _current.Add(entry);
    }
}
