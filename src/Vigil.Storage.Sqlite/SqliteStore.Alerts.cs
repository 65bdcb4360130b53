using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Alert state (IAlertStateStore): each evaluation's instances upserted by rule name and labels, a transition row for
/// every change of state, and acknowledgements, all in write transactions on the writer connection. Two stores on one
/// file (two servers, or a server and `vigil alerts ack`) serialise on SQLite's write lock, so no change is lost.
/// </summary>
internal sealed partial class SqliteStore
{
    private const string AlertColumns =
        "id, rule_name, labels, annotations, state, active_since, fired_at, resolved_at, last_evaluated, value, threshold, " +
        "evidence, ack_by, ack_at, ack_comment, ends_at";

    public async Task<IReadOnlyList<AlertInstance>> SaveAlertsAsync(IReadOnlyList<AlertInstance> instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        foreach (var instance in instances)
        {
            ArgumentNullException.ThrowIfNull(instance, nameof(instances));
            if (string.IsNullOrWhiteSpace(instance.RuleName))
            {
                throw new ArgumentException("Every alert instance needs a rule name.", nameof(instances));
            }
        }

        ThrowIfDisposed();
        if (instances.Count == 0)
        {
            return [];
        }

        return await WriteTransactionAsync(
            (connection, transaction) => instances.Select(i => SaveAlert(connection, transaction, i)).ToArray(),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<AlertInstance?> AcknowledgeAlertAsync(long id, AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default)
    {
        AlertChangeChecks.Acknowledgement(acknowledgement);

        ThrowIfDisposed();
        var at = acknowledgement.At == default ? _clock.GetUtcNow() : acknowledgement.At;
        return await WriteTransactionAsync(
            (connection, transaction) =>
            {
                var stored = ReadAlert(connection, transaction, id);
                if (stored is null)
                {
                    return null;
                }

                AlertChangeChecks.Acknowledgeable(id, stored.State);

                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE alert_instances SET ack_by = @by, ack_at = @at, ack_comment = @comment WHERE id = @id;";
                command.Parameters.AddWithValue("@by", acknowledgement.By);
                command.Parameters.AddWithValue("@at", UnixTime.ToNanoseconds(at));
                command.Parameters.AddWithValue("@comment", (object?)acknowledgement.Comment ?? DBNull.Value);
                command.Parameters.AddWithValue("@id", id);
                command.ExecuteNonQuery();
                return stored with { Acknowledgement = acknowledgement with { At = at } };
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Upserts one instance. The stored acknowledgement wins over the instance's (the store is where acknowledgements
    /// live) and is cleared once the instance is no longer firing. A new instance counts as coming from
    /// <see cref="AlertState.Inactive"/>, so a first save as pending or firing is a transition too.
    /// </summary>
    private static AlertInstance SaveAlert(SqliteConnection connection, SqliteTransaction transaction, AlertInstance instance)
    {
        var key = instance.Labels.ToString();
        long? id = null;
        var before = AlertState.Inactive;
        AlertAcknowledgement? acknowledgement = null;
        using (var find = connection.CreateCommand())
        {
            find.Transaction = transaction;
            find.CommandText = "SELECT id, state, ack_by, ack_at, ack_comment FROM alert_instances WHERE rule_name = @rule AND labels_key = @key;";
            find.Parameters.AddWithValue("@rule", instance.RuleName);
            find.Parameters.AddWithValue("@key", key);
            using var reader = find.ExecuteReader();
            if (reader.Read())
            {
                id = reader.GetInt64(0);
                before = (AlertState)reader.GetInt32(1);
                acknowledgement = ReadAcknowledgement(reader, 2);
            }
        }

        if (instance.State != AlertState.Firing)
        {
            acknowledgement = null;
        }

        using (var save = connection.CreateCommand())
        {
            save.Transaction = transaction;
            save.CommandText = id is null
                ? "INSERT INTO alert_instances (rule_name, labels_key, labels, annotations, state, active_since, fired_at, resolved_at, last_evaluated, value, threshold, evidence, ends_at, ack_by, ack_at, ack_comment) " +
                  "VALUES (@rule, @key, @labels, @annotations, @state, @activeSince, @firedAt, @resolvedAt, @lastEvaluated, @value, @threshold, @evidence, @endsAt, NULL, NULL, NULL) RETURNING id;"
                : "UPDATE alert_instances SET labels = @labels, annotations = @annotations, state = @state, active_since = @activeSince, fired_at = @firedAt, " +
                  "resolved_at = @resolvedAt, last_evaluated = @lastEvaluated, value = @value, threshold = @threshold, evidence = @evidence, ends_at = @endsAt" +
                  (acknowledgement is null ? ", ack_by = NULL, ack_at = NULL, ack_comment = NULL" : string.Empty) +
                  " WHERE id = @id RETURNING id;";
            save.Parameters.AddWithValue("@rule", instance.RuleName);
            save.Parameters.AddWithValue("@key", key);
            save.Parameters.AddWithValue("@labels", AlertJson.Map(instance.Labels));
            save.Parameters.AddWithValue("@annotations", AlertJson.Map(instance.Annotations));
            save.Parameters.AddWithValue("@state", (int)instance.State);
            save.Parameters.AddWithValue("@activeSince", UnixTime.ToNanoseconds(instance.ActiveSince));
            save.Parameters.AddWithValue("@firedAt", Nanoseconds(instance.FiredAt));
            save.Parameters.AddWithValue("@resolvedAt", Nanoseconds(instance.ResolvedAt));
            save.Parameters.AddWithValue("@lastEvaluated", UnixTime.ToNanoseconds(instance.LastEvaluated));
            save.Parameters.AddWithValue("@value", (object?)instance.Value ?? DBNull.Value);
            save.Parameters.AddWithValue("@threshold", (object?)instance.Threshold ?? DBNull.Value);
            save.Parameters.AddWithValue("@evidence", AlertJson.Evidence(instance.Evidence));
            save.Parameters.AddWithValue("@endsAt", Nanoseconds(instance.EndsAt));
            save.Parameters.AddWithValue("@id", (object?)id ?? DBNull.Value);
            id = (long)save.ExecuteScalar()!;
        }

        if (before != instance.State)
        {
            using var transition = connection.CreateCommand();
            transition.Transaction = transaction;
            transition.CommandText = "INSERT INTO alert_transitions (alert_id, from_state, to_state, time, value) VALUES (@id, @from, @to, @time, @value);";
            transition.Parameters.AddWithValue("@id", id.Value);
            transition.Parameters.AddWithValue("@from", (int)before);
            transition.Parameters.AddWithValue("@to", (int)instance.State);
            transition.Parameters.AddWithValue("@time", UnixTime.ToNanoseconds(TransitionTime(instance)));
            transition.Parameters.AddWithValue("@value", (object?)instance.Value ?? DBNull.Value);
            transition.ExecuteNonQuery();
        }

        return instance with { Id = id.Value, Acknowledgement = acknowledgement };
    }

    /// <summary>When the state the instance moved to began, by its own timestamps; the evaluation time otherwise.</summary>
    private static DateTimeOffset TransitionTime(AlertInstance instance) => instance.State switch
    {
        AlertState.Pending when instance.ActiveSince != default => instance.ActiveSince,
        AlertState.Firing when instance.FiredAt is { } firedAt => firedAt,
        AlertState.Resolved when instance.ResolvedAt is { } resolvedAt => resolvedAt,
        _ => instance.LastEvaluated,
    };

    private static object Nanoseconds(DateTimeOffset? time) => time is { } value ? UnixTime.ToNanoseconds(value) : DBNull.Value;

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : UnixTime.FromNanoseconds(reader.GetInt64(ordinal));

    private static AlertAcknowledgement? ReadAcknowledgement(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : new AlertAcknowledgement
            {
                By = reader.GetString(ordinal),
                At = UnixTime.FromNanoseconds(reader.GetInt64(ordinal + 1)),
                Comment = reader.IsDBNull(ordinal + 2) ? null : reader.GetString(ordinal + 2),
            };

    private static AlertInstance? ReadAlert(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {AlertColumns} FROM alert_instances WHERE id = @id;";
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadAlertRow(reader) : null;
    }

    /// <summary>Reads a row selected with <see cref="AlertColumns"/>.</summary>
    private static AlertInstance ReadAlertRow(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        RuleName = reader.GetString(1),
        Labels = AlertLabels.From(AlertJson.ReadMap(reader.GetString(2))),
        Annotations = AlertJson.ReadMap(reader.GetString(3)),
        State = (AlertState)reader.GetInt32(4),
        ActiveSince = UnixTime.FromNanoseconds(reader.GetInt64(5)),
        FiredAt = NullableTime(reader, 6),
        ResolvedAt = NullableTime(reader, 7),
        LastEvaluated = UnixTime.FromNanoseconds(reader.GetInt64(8)),
        Value = reader.IsDBNull(9) ? null : reader.GetDouble(9),
        Threshold = reader.IsDBNull(10) ? null : reader.GetDouble(10),
        Evidence = AlertJson.ReadEvidence(reader.GetString(11)),
        Acknowledgement = ReadAcknowledgement(reader, 12),
        EndsAt = NullableTime(reader, 15),
    };
}
