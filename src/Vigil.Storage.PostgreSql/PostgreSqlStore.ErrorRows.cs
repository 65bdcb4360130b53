using Npgsql;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Error groups: reading rows into groups, their services, releases, spikes, hourly counts and events.</summary>
internal sealed partial class PostgreSqlStore
{
    private const string ErrorEventColumns =
        "id, group_id, time, source, trace_id, span_id, service_name, release, type, message, stacktrace";

    private static ErrorGroup ReadErrorGroupRow(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Fingerprint = reader.GetString(1),
        GroupingVersion = reader.GetInt32(2),
        Method = (FingerprintMethod)reader.GetInt32(3),
        Type = reader.GetString(4),
        Message = PostgreSqlRows.NullableString(reader, 5),
        Culprit = PostgreSqlRows.NullableString(reader, 6),
        StackTrace = PostgreSqlRows.NullableString(reader, 7),
        FirstSeen = PostgreSqlRows.Time(reader, 8),
        LastSeen = PostgreSqlRows.Time(reader, 9),
        Count = reader.GetInt64(10),
        BaseSeverity = (ErrorSeverity)reader.GetInt32(11),
        Severity = (ErrorSeverity)reader.GetInt32(11),
        Status = (ErrorGroupStatus)reader.GetInt32(12),
        StatusChanged = PostgreSqlRows.NullableTime(reader, 13),
        IsRegression = reader.GetBoolean(14),
        ResolvedInNextRelease = reader.GetBoolean(15),
        IgnoredUntil = PostgreSqlRows.NullableTime(reader, 16),
        IgnoredUntilCount = PostgreSqlRows.NullableInt64(reader, 17),
    };

    /// <summary>Raises the group's severity one step while its rate spikes (see <see cref="ErrorGroupSeverity"/>).</summary>
    private async Task<ErrorGroup> WithSpikeAsync(NpgsqlConnection connection, ErrorGroup row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ErrorGroupSeverity.MaySpike(row, now))
        {
            return row;
        }

        var hourly = await ReadHourlyCountsAsync(connection, row.Id, ErrorGroupSeverity.HourlyCountsNeeded, now, cancellationToken).ConfigureAwait(false);
        return ErrorGroupSeverity.WithSpike(row, [.. hourly.Select(h => h.Count)], now, _options.ErrorTracking);
    }

    private static async Task<ErrorGroup> WithServicesAndReleasesAsync(NpgsqlConnection connection, ErrorGroup group, CancellationToken cancellationToken) => group with
    {
        Services = await ReadStringsAsync(connection, "SELECT service_name FROM error_group_services WHERE group_id = $1 ORDER BY service_name COLLATE \"C\"", group.Id, cancellationToken).ConfigureAwait(false),
        Releases = await ReadStringsAsync(connection, "SELECT release FROM error_group_releases WHERE group_id = $1 ORDER BY id", group.Id, cancellationToken).ConfigureAwait(false),
    };

    /// <summary><paramref name="hours"/> buckets ending with the current hour, oldest first, hours without events as 0.</summary>
    private static async Task<List<ErrorHourlyCount>> ReadHourlyCountsAsync(NpgsqlConnection connection, long id, int hours, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new List<ErrorHourlyCount>(hours);
        if (hours == 0)
        {
            return result;
        }

        var first = ErrorHour.Start(now).AddHours(-(hours - 1));
        List<(long Hour, long Count)> rows;
        await using (var command = PostgreSqlCommands.Create(
            connection,
            null,
            "SELECT hour, count FROM error_hourly_counts WHERE group_id = $1 AND hour >= $2 AND hour <= $3",
            id,
            UnixTime.ToNanoseconds(first),
            UnixTime.ToNanoseconds(ErrorHour.Start(now))))
        {
            rows = await PostgreSqlRows.ReadAllAsync(command, r => (r.GetInt64(0), r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        }

        var counts = rows.ToDictionary(r => r.Hour, r => r.Count);
        for (var i = 0; i < hours; i++)
        {
            var hour = first.AddHours(i);
            result.Add(new ErrorHourlyCount(hour, counts.GetValueOrDefault(UnixTime.ToNanoseconds(hour))));
        }

        return result;
    }

    private static async Task<List<ErrorEvent>> ReadLatestErrorEventsAsync(NpgsqlConnection connection, long id, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }

        await using var command = PostgreSqlCommands.Create(
            connection, null, $"SELECT {ErrorEventColumns} FROM error_events WHERE group_id = $1 ORDER BY time DESC, id DESC LIMIT $2", id, (long)count);
        return await PostgreSqlRows.ReadAllAsync(
            command,
            reader => new ErrorEvent
            {
                Id = reader.GetInt64(0),
                GroupId = reader.GetInt64(1),
                Timestamp = PostgreSqlRows.Time(reader, 2),
                Source = (ErrorEventSource)reader.GetInt32(3),
                TraceId = PostgreSqlRows.NullableString(reader, 4),
                SpanId = PostgreSqlRows.NullableString(reader, 5),
                ServiceName = PostgreSqlRows.NullableString(reader, 6),
                Release = PostgreSqlRows.NullableString(reader, 7),
                Type = reader.GetString(8),
                Message = PostgreSqlRows.NullableString(reader, 9),
                StackTrace = PostgreSqlRows.NullableString(reader, 10),
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<string>> ReadStringsAsync(NpgsqlConnection connection, string sql, long id, CancellationToken cancellationToken)
    {
        await using var command = PostgreSqlCommands.Create(connection, null, sql, id);
        return await PostgreSqlRows.ReadAllAsync(command, r => r.GetString(0), cancellationToken).ConfigureAwait(false);
    }
}
