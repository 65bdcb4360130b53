using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>Error groups: reading rows into groups, their services, releases, spikes, hourly counts and events.</summary>
internal sealed partial class SqliteStore
{
    private static ErrorGroup ReadErrorGroupRow(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Fingerprint = reader.GetString(1),
        GroupingVersion = reader.GetInt32(2),
        Method = (FingerprintMethod)reader.GetInt32(3),
        Type = reader.GetString(4),
        Message = reader.IsDBNull(5) ? null : reader.GetString(5),
        Culprit = reader.IsDBNull(6) ? null : reader.GetString(6),
        StackTrace = reader.IsDBNull(7) ? null : reader.GetString(7),
        FirstSeen = UnixTime.FromNanoseconds(reader.GetInt64(8)),
        LastSeen = UnixTime.FromNanoseconds(reader.GetInt64(9)),
        Count = reader.GetInt64(10),
        BaseSeverity = (ErrorSeverity)reader.GetInt32(11),
        Severity = (ErrorSeverity)reader.GetInt32(11),
        Status = (ErrorGroupStatus)reader.GetInt32(12),
        StatusChanged = reader.IsDBNull(13) ? null : UnixTime.FromNanoseconds(reader.GetInt64(13)),
        IsRegression = reader.GetInt64(14) != 0,
        ResolvedInNextRelease = reader.GetInt64(15) != 0,
        IgnoredUntil = reader.IsDBNull(16) ? null : UnixTime.FromNanoseconds(reader.GetInt64(16)),
        IgnoredUntilCount = reader.IsDBNull(17) ? null : reader.GetInt64(17),
    };

    /// <summary>Raises the group's severity one step while its rate spikes (see <see cref="ErrorGroupSeverity"/>).</summary>
    private ErrorGroup WithSpike(SqliteConnection connection, ErrorGroup row, DateTimeOffset now)
    {
        if (!ErrorGroupSeverity.MaySpike(row, now))
        {
            return row;
        }

        var hourly = ReadHourlyCounts(connection, row.Id, ErrorGroupSeverity.HourlyCountsNeeded, now);
        return ErrorGroupSeverity.WithSpike(row, [.. hourly.Select(h => h.Count)], now, _errorTracking);
    }

    private static ErrorGroup WithServicesAndReleases(SqliteConnection connection, ErrorGroup group) => group with
    {
        Services = ReadStrings(connection, "SELECT service_name FROM error_group_services WHERE group_id = @id ORDER BY service_name;", group.Id),
        Releases = ReadStrings(connection, "SELECT release FROM error_group_releases WHERE group_id = @id ORDER BY id;", group.Id),
    };

    /// <summary><paramref name="hours"/> buckets ending with the current hour, oldest first, hours without events as 0.</summary>
    private static List<ErrorHourlyCount> ReadHourlyCounts(SqliteConnection connection, long id, int hours, DateTimeOffset now)
    {
        var result = new List<ErrorHourlyCount>(hours);
        if (hours == 0)
        {
            return result;
        }

        var first = ErrorHour.Start(now).AddHours(-(hours - 1));
        var counts = new Dictionary<long, long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT hour, count FROM error_hourly_counts WHERE group_id = @id AND hour >= @first AND hour <= @last;";
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@first", UnixTime.ToNanoseconds(first));
            command.Parameters.AddWithValue("@last", UnixTime.ToNanoseconds(ErrorHour.Start(now)));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                counts[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }

        for (var i = 0; i < hours; i++)
        {
            var hour = first.AddHours(i);
            result.Add(new ErrorHourlyCount(hour, counts.GetValueOrDefault(UnixTime.ToNanoseconds(hour))));
        }

        return result;
    }

    private static List<ErrorEvent> ReadLatestErrorEvents(SqliteConnection connection, long id, int count)
    {
        var events = new List<ErrorEvent>();
        if (count == 0)
        {
            return events;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ErrorEventColumns} FROM error_events WHERE group_id = @id ORDER BY time DESC, id DESC LIMIT @limit;";
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@limit", count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            events.Add(new ErrorEvent
            {
                Id = reader.GetInt64(0),
                GroupId = reader.GetInt64(1),
                Timestamp = UnixTime.FromNanoseconds(reader.GetInt64(2)),
                Source = (ErrorEventSource)reader.GetInt32(3),
                TraceId = reader.IsDBNull(4) ? null : reader.GetString(4),
                SpanId = reader.IsDBNull(5) ? null : reader.GetString(5),
                ServiceName = reader.IsDBNull(6) ? null : reader.GetString(6),
                Release = reader.IsDBNull(7) ? null : reader.GetString(7),
                Type = reader.GetString(8),
                Message = reader.IsDBNull(9) ? null : reader.GetString(9),
                StackTrace = reader.IsDBNull(10) ? null : reader.GetString(10),
            });
        }

        return events;
    }

    private static List<string> ReadStrings(SqliteConnection connection, string sql, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
