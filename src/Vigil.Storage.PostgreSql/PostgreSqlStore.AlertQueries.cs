using Npgsql;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Alert reads (IAlertTriageStore): instances, transitions and notification attempts. Label matchers (regexes
/// included) are tested in C# with <see cref="LabelMatcher.Matches"/>, the one implementation of the grammar, as the
/// SQLite engine does: for instances row by row in order until the limit, for history by first finding the instances.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    /// <summary>The most rows one alert query returns, whatever its limit says.</summary>
    internal const int MaxAlertQueryLimit = 10_000;

    private const string TransitionColumns = "t.id, t.alert_id, a.rule_name, a.labels, t.from_state, t.to_state, t.time, t.value";

    private const string AttemptColumns = "n.id, n.channel, n.group_key, n.kind, n.escalation_level, n.attempt, n.time, n.outcome, n.detail";

    // Firing first, then pending, then resolved (inactive last), newest first within each.
    private const string AlertOrder =
        "CASE state WHEN 2 THEN 0 WHEN 1 THEN 1 WHEN 3 THEN 2 ELSE 3 END, " +
        "CASE state WHEN 2 THEN coalesce(fired_at, last_evaluated) WHEN 1 THEN active_since WHEN 3 THEN coalesce(resolved_at, last_evaluated) ELSE last_evaluated END DESC, id DESC";

    private static readonly AlertState[] s_openStates = [AlertState.Firing, AlertState.Pending];

    public Task<IReadOnlyList<AlertInstance>> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return ReadTriageAsync<IReadOnlyList<AlertInstance>>((connection, token) => QueryAlertsAsync(connection, query, token), cancellationToken);
    }

    public Task<AlertInstance?> GetAlertAsync(long id, CancellationToken cancellationToken = default) =>
        ReadTriageAsync((connection, token) => ReadAlertAsync(connection, null, id, forUpdate: false, token), cancellationToken);

    public Task<IReadOnlyList<AlertTransition>> QueryAlertHistoryAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return ReadTriageAsync<IReadOnlyList<AlertTransition>>((connection, token) => QueryTransitionsAsync(connection, query, token), cancellationToken);
    }

    public Task<IReadOnlyList<NotificationAttempt>> QueryNotificationsAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return ReadTriageAsync<IReadOnlyList<NotificationAttempt>>((connection, token) => QueryAttemptsAsync(connection, query, token), cancellationToken);
    }

    private static async Task<IReadOnlyList<AlertInstance>> QueryAlertsAsync(NpgsqlConnection connection, AlertQuery query, CancellationToken cancellationToken)
    {
        var limit = Math.Min(query.Limit, MaxAlertQueryLimit);
        var states = query.States.Count == 0 ? s_openStates : query.States;
        var filter = new PostgreSqlFilter();
        filter.Add("state = ANY({0})", states.Select(s => (int)s).ToArray());
        if (query.RuleName is not null)
        {
            filter.Add("rule_name = {0}", query.RuleName);
        }

        if (query.EndsBy is { } endsBy)
        {
            filter.Add("ends_at <= {0}", UnixTime.ToNanoseconds(endsBy));
        }

        // With matchers only the rows can tell, so read in order and stop at the limit; without, the database applies it.
        var sqlLimit = query.Matchers.Count == 0 ? " LIMIT " + filter.AddParameter((long)limit) : string.Empty;
        await using var command = filter.CreateCommand(connection, $"SELECT {AlertColumns} FROM alert_instances{filter.Where} ORDER BY {AlertOrder}{sqlLimit}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var alerts = new List<AlertInstance>();
        while (alerts.Count < limit && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var alert = ReadAlertRow(reader);
            if (LabelMatcher.All(query.Matchers, alert.Labels))
            {
                alerts.Add(alert);
            }
        }

        return alerts;
    }

    private static async Task<IReadOnlyList<AlertTransition>> QueryTransitionsAsync(NpgsqlConnection connection, AlertHistoryQuery query, CancellationToken cancellationToken)
    {
        var filter = await HistoryFilterAsync(connection, query, "t.alert_id", "t.time", cancellationToken).ConfigureAwait(false);
        if (filter is null)
        {
            return [];
        }

        var limit = filter.AddParameter((long)Math.Min(query.Limit, MaxAlertQueryLimit));
        await using var command = filter.CreateCommand(
            connection,
            $"SELECT {TransitionColumns} FROM alert_transitions t JOIN alert_instances a ON a.id = t.alert_id{filter.Where} ORDER BY t.time DESC, t.id DESC LIMIT {limit}");
        return await PostgreSqlRows.ReadAllAsync(
            command,
            reader => new AlertTransition
            {
                Id = reader.GetInt64(0),
                AlertId = reader.GetInt64(1),
                RuleName = reader.GetString(2),
                Labels = AlertLabels.From(AlertJson.ReadMap(reader.GetString(3))),
                From = (AlertState)reader.GetInt32(4),
                To = (AlertState)reader.GetInt32(5),
                At = PostgreSqlRows.Time(reader, 6),
                Value = PostgreSqlRows.NullableDouble(reader, 7),
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<NotificationAttempt>> QueryAttemptsAsync(NpgsqlConnection connection, AlertHistoryQuery query, CancellationToken cancellationToken)
    {
        var filter = await HistoryFilterAsync(connection, query, alertColumn: null, "n.time", cancellationToken).ConfigureAwait(false);
        if (filter is null)
        {
            return [];
        }

        var limit = filter.AddParameter((long)Math.Min(query.Limit, MaxAlertQueryLimit));
        List<NotificationAttempt> attempts;
        await using (var command = filter.CreateCommand(connection, $"SELECT {AttemptColumns} FROM notification_attempts n{filter.Where} ORDER BY n.time DESC, n.id DESC LIMIT {limit}"))
        {
            attempts = await PostgreSqlRows.ReadAllAsync(
                command,
                reader => new NotificationAttempt
                {
                    Id = reader.GetInt64(0),
                    Channel = reader.GetString(1),
                    GroupKey = reader.GetString(2),
                    Kind = reader.GetString(3),
                    EscalationLevel = reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    Attempt = reader.GetInt32(5),
                    At = PostgreSqlRows.Time(reader, 6),
                    Outcome = (NotificationOutcome)reader.GetInt32(7),
                    Detail = PostgreSqlRows.NullableString(reader, 8),
                },
                cancellationToken).ConfigureAwait(false);
        }

        if (attempts.Count == 0)
        {
            return attempts;
        }

        // One read for every attempt's alert list.
        await using var alerts = PostgreSqlCommands.Create(
            connection, null, "SELECT attempt_id, alert_id FROM notification_attempt_alerts WHERE attempt_id = ANY($1) ORDER BY attempt_id, alert_id",
            attempts.Select(a => a.Id).ToArray());
        var pairs = await PostgreSqlRows.ReadAllAsync(alerts, r => (Attempt: r.GetInt64(0), Alert: r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        var byAttempt = pairs.ToLookup(p => p.Attempt, p => p.Alert);
        return [.. attempts.Select(a => a with { AlertIds = [.. byAttempt[a.Id]] })];
    }

    /// <summary>
    /// The WHERE clause of a history query; null when the rule and matchers leave no instance, so nothing can match.
    /// <paramref name="alertColumn"/> is the history row's alert id, or null for attempts, which carry several alerts.
    /// </summary>
    private static async Task<PostgreSqlFilter?> HistoryFilterAsync(
        NpgsqlConnection connection, AlertHistoryQuery query, string? alertColumn, string timeColumn, CancellationToken cancellationToken)
    {
        var filter = new PostgreSqlFilter();
        if (query.Since is { } since)
        {
            filter.Add(timeColumn + " >= {0}", UnixTime.ToNanoseconds(since));
        }

        if (query.Until is { } until)
        {
            filter.Add(timeColumn + " < {0}", UnixTime.ToNanoseconds(until));
        }

        List<long>? alertIds = null;
        if (query.RuleName is not null || query.Matchers.Count > 0)
        {
            alertIds = await MatchingAlertIdsAsync(connection, query.RuleName, query.Matchers, cancellationToken).ConfigureAwait(false);
            if (alertIds.Count == 0)
            {
                return null;
            }
        }

        if (query.AlertId is { } alertId)
        {
            if (alertIds is not null && !alertIds.Contains(alertId))
            {
                return null;
            }

            alertIds = [alertId];
        }

        if (alertIds is not null)
        {
            filter.Add(
                alertColumn is null
                    ? "n.id IN (SELECT attempt_id FROM notification_attempt_alerts WHERE alert_id = ANY({0}))"
                    : alertColumn + " = ANY({0})",
                alertIds.ToArray());
        }

        return filter;
    }

    private static async Task<List<long>> MatchingAlertIdsAsync(
        NpgsqlConnection connection, string? ruleName, IReadOnlyList<LabelMatcher> matchers, CancellationToken cancellationToken)
    {
        var filter = new PostgreSqlFilter();
        if (ruleName is not null)
        {
            filter.Add("rule_name = {0}", ruleName);
        }

        await using var command = filter.CreateCommand(connection, $"SELECT id, labels FROM alert_instances{filter.Where}");
        var rows = await PostgreSqlRows.ReadAllAsync(command, r => (Id: r.GetInt64(0), Labels: r.GetString(1)), cancellationToken).ConfigureAwait(false);
        return [.. rows.Where(r => matchers.Count == 0 || LabelMatcher.All(matchers, AlertJson.ReadMap(r.Labels))).Select(r => r.Id)];
    }
}
