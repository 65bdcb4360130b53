using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Health states (ITriageStore): each check's and probe's latest result, since when its status holds, and whether it
/// is stale (<see cref="HealthStaleness"/>, judged by the store's clock); states not heard from for a day are left out.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    public Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = _options.Clock.GetUtcNow();
        return ReadTriageAsync<IReadOnlyList<HealthState>>(
            async (connection, token) =>
            {
                var filter = new PostgreSqlFilter();
                filter.Add("s.time >= {0}", UnixTime.ToNanoseconds(HealthStaleness.ForgetBefore(now)));
                if (query.ServiceName is not null)
                {
                    filter.Add("s.service_name = {0}", query.ServiceName);
                }

                if (query.Kind is { } kind)
                {
                    filter.Add("s.kind = {0}", (int)kind);
                }

                // COLLATE "C": the same byte order as SQLite's, whatever the database's collation.
                await using var command = filter.CreateCommand(
                    connection,
                    "SELECT s.kind, s.service_name, s.name, r.status, r.observed, r.time, r.duration, r.description, r.data, s.since, r.interval " +
                    $"FROM health_state s JOIN health_results r ON r.id = s.result_id{filter.Where} " +
                    "ORDER BY s.kind, s.service_name COLLATE \"C\", s.name COLLATE \"C\"");
                return await PostgreSqlRows.ReadAllAsync(
                    command,
                    reader =>
                    {
                        var service = reader.GetString(1);
                        var latest = new HealthResult
                        {
                            Kind = (HealthSourceKind)reader.GetInt32(0),
                            ServiceName = service.Length == 0 ? null : service,
                            Name = reader.GetString(2),
                            Status = (HealthStatus)reader.GetInt32(3),
                            Observed = (HealthStatus)reader.GetInt32(4),
                            Timestamp = PostgreSqlRows.Time(reader, 5),
                            Duration = UnixTime.DurationFromNanoseconds(reader.GetInt64(6)),
                            Description = PostgreSqlRows.NullableString(reader, 7),
                            Data = AttributeJson.Deserialize(reader.GetString(8)),
                            Interval = PostgreSqlRows.NullableInt64(reader, 10) is { } interval ? UnixTime.DurationFromNanoseconds(interval) : null,
                        };
                        return new HealthState
                        {
                            Latest = latest,
                            Since = PostgreSqlRows.Time(reader, 9),
                            IsStale = HealthStaleness.IsStale(latest, now, query.StaleAfter),
                        };
                    },
                    token).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
