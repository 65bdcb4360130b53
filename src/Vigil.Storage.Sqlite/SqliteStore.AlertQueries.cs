using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Alert reads (IAlertTriageStore): instances, transitions and notification attempts. Label matchers (regexes
/// included) are tested in C# with <see cref="LabelMatcher.Matches"/>, the one implementation of the grammar: for
/// instances row by row in order until the limit, for history by first finding the instances whose labels match.
/// </summary>
internal sealed partial class SqliteStore
{
    /// <summary>The most rows one alert query returns, whatever its limit says.</summary>
    internal const int MaxAlertQueryLimit = 10_000;

    private const string TransitionColumns = "t.id, t.alert_id, a.rule_name, a.labels, t.from_state, t.to_state, t.time, t.value";

    private const string AttemptColumns = "n.id, n.channel, n.group_key, n.kind, n.escalation_level, n.attempt, n.time, n.outcome, n.detail";

    // Firing first, then pending, then resolved (inactive last), newest first within each: firing by when it fired,
    // pending by when it became active, resolved by when it resolved.
    private const string AlertOrder =
        "CASE state WHEN 2 THEN 0 WHEN 1 THEN 1 WHEN 3 THEN 2 ELSE 3 END, " +
        "CASE state WHEN 2 THEN coalesce(fired_at, last_evaluated) WHEN 1 THEN active_since WHEN 3 THEN coalesce(resolved_at, last_evaluated) ELSE last_evaluated END DESC, id DESC";

    private static readonly AlertState[] s_openStates = [AlertState.Firing, AlertState.Pending];

    public Task<IReadOnlyList<AlertInstance>> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return ReadAsync<IReadOnlyList<AlertInstance>>(connection => QueryAlerts(connection, query), cancellationToken);
    }

    public Task<AlertInstance?> GetAlertAsync(long id, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReadAlert(connection, null, id), cancellationToken);

    public Task<IReadOnlyList<AlertTransition>> QueryAlertHistoryAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return ReadAsync<IReadOnlyList<AlertTransition>>(connection => QueryTransitions(connection, query), cancellationToken);
    }

    public Task<IReadOnlyList<NotificationAttempt>> QueryNotificationsAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return ReadAsync<IReadOnlyList<NotificationAttempt>>(connection => QueryAttempts(connection, query), cancellationToken);
    }

    private static List<AlertInstance> QueryAlerts(SqliteConnection connection, AlertQuery query)
    {
        var limit = Math.Min(query.Limit, MaxAlertQueryLimit);
        var states = query.States.Count == 0 ? s_openStates : query.States;
        var sql = new SqlBuilder();
        sql.Add("state IN (SELECT value FROM json_each({0}))", "[" + string.Join(",", states.Select(s => (int)s)) + "]");
        if (query.RuleName is not null)
        {
            sql.Add("rule_name = {0}", query.RuleName);
        }

        if (query.EndsBy is { } endsBy)
        {
            sql.Add("ends_at <= {0}", UnixTime.ToNanoseconds(endsBy));
        }

        // With matchers only the rows can tell, so read in order and stop at the limit; without, SQLite applies it.
        var sqlLimit = query.Matchers.Count == 0 ? " LIMIT " + sql.AddParameter(limit) : string.Empty;
        using var command = sql.CreateCommand(connection, $"SELECT {AlertColumns} FROM alert_instances{sql.Where} ORDER BY {AlertOrder}{sqlLimit};");
        using var reader = command.ExecuteReader();
        var alerts = new List<AlertInstance>();
        while (alerts.Count < limit && reader.Read())
        {
            var alert = ReadAlertRow(reader);
            if (LabelMatcher.All(query.Matchers, alert.Labels))
            {
                alerts.Add(alert);
            }
        }

        return alerts;
    }

    private static List<AlertTransition> QueryTransitions(SqliteConnection connection, AlertHistoryQuery query)
    {
        var sql = HistoryFilter(connection, query, "t.alert_id", "t.time");
        if (sql is null)
        {
            return [];
        }

        var limit = sql.AddParameter(Math.Min(query.Limit, MaxAlertQueryLimit));
        using var command = sql.CreateCommand(
            connection,
            $"SELECT {TransitionColumns} FROM alert_transitions t JOIN alert_instances a ON a.id = t.alert_id{sql.Where} ORDER BY t.time DESC, t.id DESC LIMIT {limit};");
        using var reader = command.ExecuteReader();
        var transitions = new List<AlertTransition>();
        while (reader.Read())
        {
            transitions.Add(new AlertTransition
            {
                Id = reader.GetInt64(0),
                AlertId = reader.GetInt64(1),
                RuleName = reader.GetString(2),
                Labels = AlertLabels.From(AlertJson.ReadMap(reader.GetString(3))),
                From = (AlertState)reader.GetInt32(4),
                To = (AlertState)reader.GetInt32(5),
                At = UnixTime.FromNanoseconds(reader.GetInt64(6)),
                Value = reader.IsDBNull(7) ? null : reader.GetDouble(7),
            });
        }

        return transitions;
    }

    private static List<NotificationAttempt> QueryAttempts(SqliteConnection connection, AlertHistoryQuery query)
    {
        var sql = HistoryFilter(connection, query, alertColumn: null, "n.time");
        if (sql is null)
        {
            return [];
        }

        var limit = sql.AddParameter(Math.Min(query.Limit, MaxAlertQueryLimit));
        using var command = sql.CreateCommand(connection, $"SELECT {AttemptColumns} FROM notification_attempts n{sql.Where} ORDER BY n.time DESC, n.id DESC LIMIT {limit};");
        var attempts = new List<NotificationAttempt>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                attempts.Add(new NotificationAttempt
                {
                    Id = reader.GetInt64(0),
                    Channel = reader.GetString(1),
                    GroupKey = reader.GetString(2),
                    Kind = reader.GetString(3),
                    EscalationLevel = reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    Attempt = reader.GetInt32(5),
                    At = UnixTime.FromNanoseconds(reader.GetInt64(6)),
                    Outcome = (NotificationOutcome)reader.GetInt32(7),
                    Detail = reader.IsDBNull(8) ? null : reader.GetString(8),
                });
            }
        }

        return [.. attempts.Select(a => a with { AlertIds = AttemptAlertIds(connection, a.Id) })];
    }

    private static long[] AttemptAlertIds(SqliteConnection connection, long attemptId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT alert_id FROM notification_attempt_alerts WHERE attempt_id = @id ORDER BY alert_id;";
        command.Parameters.AddWithValue("@id", attemptId);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return [.. ids];
    }

    /// <summary>
    /// The WHERE clause of a history query; null when the rule and matchers leave no instance, so nothing can match.
    /// <paramref name="alertColumn"/> is the history row's alert id, or null for attempts, which carry several alerts.
    /// </summary>
    private static SqlBuilder? HistoryFilter(SqliteConnection connection, AlertHistoryQuery query, string? alertColumn, string timeColumn)
    {
        var sql = new SqlBuilder();
        if (query.Since is { } since)
        {
            sql.Add(timeColumn + " >= {0}", UnixTime.ToNanoseconds(since));
        }

        if (query.Until is { } until)
        {
            sql.Add(timeColumn + " < {0}", UnixTime.ToNanoseconds(until));
        }

        // The instances the history may belong to: one by id, or those of the rule whose labels match.
        List<long>? alertIds = null;
        if (query.RuleName is not null || query.Matchers.Count > 0)
        {
            alertIds = MatchingAlertIds(connection, query.RuleName, query.Matchers);
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
            var json = "[" + string.Join(",", alertIds) + "]";
            sql.Add(
                alertColumn is null
                    ? "n.id IN (SELECT attempt_id FROM notification_attempt_alerts WHERE alert_id IN (SELECT value FROM json_each({0})))"
                    : alertColumn + " IN (SELECT value FROM json_each({0}))",
                json);
        }

        return sql;
    }

    private static List<long> MatchingAlertIds(SqliteConnection connection, string? ruleName, IReadOnlyList<LabelMatcher> matchers)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, labels FROM alert_instances WHERE @rule IS NULL OR rule_name = @rule;";
        command.Parameters.AddWithValue("@rule", (object?)ruleName ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            if (matchers.Count == 0 || LabelMatcher.All(matchers, AlertJson.ReadMap(reader.GetString(1))))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return ids;
    }
}
