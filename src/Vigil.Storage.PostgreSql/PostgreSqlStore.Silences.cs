using Npgsql;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Silences (IAlertTriageStore): created, listed by state at a moment, and expired by hand.</summary>
internal sealed partial class PostgreSqlStore
{
    private const string SilenceColumns = "id, matchers, starts_at, ends_at, created_by, comment, created_at";

    public async Task<Silence> CreateSilenceAsync(Silence silence, CancellationToken cancellationToken = default)
    {
        AlertChangeChecks.Silence(silence);

        var created = silence with
        {
            CreatedAt = silence.CreatedAt == default ? _options.Clock.GetUtcNow() : silence.CreatedAt,
            CreatedBy = silence.CreatedBy ?? string.Empty,
            Comment = silence.Comment ?? string.Empty,
        };
        var id = await WriteTriageAsync(
            async (connection, transaction, token) =>
            {
                await using var command = PostgreSqlCommands.Create(
                    connection,
                    transaction,
                    "INSERT INTO silences (matchers, starts_at, ends_at, created_by, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    AlertJson.Matchers(created.Matchers),
                    UnixTime.ToNanoseconds(created.StartsAt),
                    UnixTime.ToNanoseconds(created.EndsAt),
                    created.CreatedBy,
                    created.Comment,
                    UnixTime.ToNanoseconds(created.CreatedAt));
                return (long)(await command.ExecuteScalarAsync(token).ConfigureAwait(false))!;
            },
            cancellationToken).ConfigureAwait(false);
        return created with { Id = id };
    }

    public Task<IReadOnlyList<Silence>> QuerySilencesAsync(DateTimeOffset now, bool includeExpired, CancellationToken cancellationToken = default) =>
        ReadTriageAsync<IReadOnlyList<Silence>>(
            async (connection, token) =>
            {
                await using var command = PostgreSqlCommands.Create(
                    connection, null, $"SELECT {SilenceColumns} FROM silences WHERE $1 OR ends_at > $2 ORDER BY created_at DESC, id DESC",
                    includeExpired, UnixTime.ToNanoseconds(now));
                return await PostgreSqlRows.ReadAllAsync(command, ReadSilenceRow, token).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>
    /// Ends a silence at <paramref name="now"/>. One still pending gets both its start and its end set to now, so it is
    /// expired and never took effect (as Alertmanager does); one already expired is left as it was.
    /// </summary>
    public Task<Silence?> ExpireSilenceAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        WriteTriageAsync(
            async (connection, transaction, token) =>
            {
                Silence? silence;
                await using (var read = PostgreSqlCommands.Create(connection, transaction, $"SELECT {SilenceColumns} FROM silences WHERE id = $1 FOR UPDATE", id))
                {
                    silence = (await PostgreSqlRows.ReadAllAsync(read, ReadSilenceRow, token).ConfigureAwait(false)).FirstOrDefault();
                }

                if (silence is null || silence.StateAt(now) == SilenceState.Expired)
                {
                    return silence;
                }

                var expired = silence.StateAt(now) == SilenceState.Pending
                    ? silence with { StartsAt = now, EndsAt = now }
                    : silence with { EndsAt = now };
                await using var update = PostgreSqlCommands.Create(
                    connection, transaction, "UPDATE silences SET starts_at = $1, ends_at = $2 WHERE id = $3",
                    UnixTime.ToNanoseconds(expired.StartsAt), UnixTime.ToNanoseconds(expired.EndsAt), id);
                await update.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                return expired;
            },
            cancellationToken);

    private static Silence ReadSilenceRow(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Matchers = AlertJson.ReadMatchers(reader.GetString(1)),
        StartsAt = PostgreSqlRows.Time(reader, 2),
        EndsAt = PostgreSqlRows.Time(reader, 3),
        CreatedBy = reader.GetString(4),
        Comment = reader.GetString(5),
        CreatedAt = PostgreSqlRows.Time(reader, 6),
    };
}
