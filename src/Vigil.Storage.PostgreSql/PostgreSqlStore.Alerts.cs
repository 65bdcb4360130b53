using Npgsql;
using Vigil.Model;
using static Vigil.Storage.PostgreSql.PostgreSqlCommands;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Alert state (IAlertStateStore): each evaluation's instances upserted by rule name and labels, a transition row for
/// every change of state, and acknowledgements. The stored row is read FOR UPDATE before it changes, so an
/// acknowledgement typed on one server and a save by the leading server serialise on the row and neither is lost.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    /// <summary>The advisory lock key alert saves serialise on; "VIGLALRT" in ASCII.</summary>
    private const long AlertSaveLockKey = 0x5649474C_414C5254;

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

        if (instances.Count == 0)
        {
            return [];
        }

        return await WriteTriageAsync(
            async (connection, transaction, token) =>
            {
                // Two saves of one new instance (two servers in a hand-over, or a server and the Alertmanager receiver)
                // would both find no row and both insert; saves serialise here instead, as SQLite's write lock does.
                await using (var serialise = Create(connection, transaction, "SELECT pg_advisory_xact_lock($1)", AlertSaveLockKey))
                {
                    await serialise.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                var saved = new AlertInstance[instances.Count];
                for (var i = 0; i < instances.Count; i++)
                {
                    saved[i] = await SaveAlertAsync(connection, transaction, instances[i], token).ConfigureAwait(false);
                }

                return saved;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<AlertInstance?> AcknowledgeAlertAsync(long id, AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default)
    {
        AlertChangeChecks.Acknowledgement(acknowledgement);

        var at = acknowledgement.At == default ? _options.Clock.GetUtcNow() : acknowledgement.At;
        return await WriteTriageAsync(
            async (connection, transaction, token) =>
            {
                var stored = await ReadAlertAsync(connection, transaction, id, forUpdate: true, token).ConfigureAwait(false);
                if (stored is null)
                {
                    return null;
                }

                AlertChangeChecks.Acknowledgeable(id, stored.State);

                await using var command = Create(
                    connection, transaction, "UPDATE alert_instances SET ack_by = $1, ack_at = $2, ack_comment = $3 WHERE id = $4",
                    acknowledgement.By, UnixTime.ToNanoseconds(at), Text(acknowledgement.Comment), id);
                await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                return stored with { Acknowledgement = acknowledgement with { At = at } };
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Upserts one instance, as the SQLite engine does: the stored acknowledgement wins over the instance's and is
    /// cleared once the instance is no longer firing; a new instance counts as coming from <see cref="AlertState.Inactive"/>.
    /// </summary>
    private static async Task<AlertInstance> SaveAlertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AlertInstance instance, CancellationToken cancellationToken)
    {
        var key = instance.Labels.ToString();
        long? id = null;
        var before = AlertState.Inactive;
        AlertAcknowledgement? acknowledgement = null;
        await using (var find = Create(
            connection, transaction, "SELECT id, state, ack_by, ack_at, ack_comment FROM alert_instances WHERE rule_name = $1 AND labels_key = $2 FOR UPDATE",
            instance.RuleName, key))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
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

        // $1-$11 are the instance's columns; then the key of a new row, or the id of the stored one.
        List<object> values =
        [
            AlertJson.Map(instance.Labels),
            AlertJson.Map(instance.Annotations),
            (int)instance.State,
            UnixTime.ToNanoseconds(instance.ActiveSince),
            Time(instance.FiredAt),
            Time(instance.ResolvedAt),
            UnixTime.ToNanoseconds(instance.LastEvaluated),
            Double(instance.Value),
            Double(instance.Threshold),
            AlertJson.Evidence(instance.Evidence),
            Time(instance.EndsAt),
        ];
        if (id is { } known)
        {
            values.Add(known);
        }
        else
        {
            values.Add(instance.RuleName);
            values.Add(key);
        }
        var sql = id is null
            ? "INSERT INTO alert_instances (labels, annotations, state, active_since, fired_at, resolved_at, last_evaluated, value, threshold, evidence, ends_at, rule_name, labels_key) " +
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id"
            : "UPDATE alert_instances SET labels = $1, annotations = $2, state = $3, active_since = $4, fired_at = $5, resolved_at = $6, " +
              "last_evaluated = $7, value = $8, threshold = $9, evidence = $10, ends_at = $11" +
              (acknowledgement is null ? ", ack_by = NULL, ack_at = NULL, ack_comment = NULL" : string.Empty) +
              " WHERE id = $12 RETURNING id";
        await using (var save = Create(connection, transaction, sql, [.. values]))
        {
            id = (long)(await save.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (before != instance.State)
        {
            await using var transition = Create(
                connection, transaction, "INSERT INTO alert_transitions (alert_id, from_state, to_state, time, value) VALUES ($1, $2, $3, $4, $5)",
                id.Value, (int)before, (int)instance.State, UnixTime.ToNanoseconds(TransitionTime(instance)), Double(instance.Value));
            await transition.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

    private static AlertAcknowledgement? ReadAcknowledgement(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : new AlertAcknowledgement
            {
                By = reader.GetString(ordinal),
                At = PostgreSqlRows.Time(reader, ordinal + 1),
                Comment = PostgreSqlRows.NullableString(reader, ordinal + 2),
            };

    private static async Task<AlertInstance?> ReadAlertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var command = Create(connection, transaction, $"SELECT {AlertColumns} FROM alert_instances WHERE id = $1" + (forUpdate ? " FOR UPDATE" : string.Empty), id);
        var rows = await PostgreSqlRows.ReadAllAsync(command, ReadAlertRow, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Reads a row selected with <see cref="AlertColumns"/>.</summary>
    private static AlertInstance ReadAlertRow(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        RuleName = reader.GetString(1),
        Labels = AlertLabels.From(AlertJson.ReadMap(reader.GetString(2))),
        Annotations = AlertJson.ReadMap(reader.GetString(3)),
        State = (AlertState)reader.GetInt32(4),
        ActiveSince = PostgreSqlRows.Time(reader, 5),
        FiredAt = PostgreSqlRows.NullableTime(reader, 6),
        ResolvedAt = PostgreSqlRows.NullableTime(reader, 7),
        LastEvaluated = PostgreSqlRows.Time(reader, 8),
        Value = PostgreSqlRows.NullableDouble(reader, 9),
        Threshold = PostgreSqlRows.NullableDouble(reader, 10),
        Evidence = AlertJson.ReadEvidence(reader.GetString(11)),
        Acknowledgement = ReadAcknowledgement(reader, 12),
        EndsAt = PostgreSqlRows.NullableTime(reader, 15),
    };
}
