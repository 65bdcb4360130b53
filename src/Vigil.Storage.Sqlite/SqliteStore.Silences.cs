using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>Silences (IAlertTriageStore): created, listed by state at a moment, and expired by hand.</summary>
internal sealed partial class SqliteStore
{
    private const string SilenceColumns = "id, matchers, starts_at, ends_at, created_by, comment, created_at";

    public async Task<Silence> CreateSilenceAsync(Silence silence, CancellationToken cancellationToken = default)
    {
        AlertChangeChecks.Silence(silence);

        ThrowIfDisposed();
        var created = silence with
        {
            CreatedAt = silence.CreatedAt == default ? _clock.GetUtcNow() : silence.CreatedAt,
            CreatedBy = silence.CreatedBy ?? string.Empty,
            Comment = silence.Comment ?? string.Empty,
        };
        var id = await WriteTransactionAsync(
            (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText =
                    "INSERT INTO silences (matchers, starts_at, ends_at, created_by, comment, created_at) " +
                    "VALUES (@matchers, @startsAt, @endsAt, @createdBy, @comment, @createdAt) RETURNING id;";
                command.Parameters.AddWithValue("@matchers", AlertJson.Matchers(created.Matchers));
                command.Parameters.AddWithValue("@startsAt", UnixTime.ToNanoseconds(created.StartsAt));
                command.Parameters.AddWithValue("@endsAt", UnixTime.ToNanoseconds(created.EndsAt));
                command.Parameters.AddWithValue("@createdBy", created.CreatedBy);
                command.Parameters.AddWithValue("@comment", created.Comment);
                command.Parameters.AddWithValue("@createdAt", UnixTime.ToNanoseconds(created.CreatedAt));
                return (long)command.ExecuteScalar()!;
            },
            cancellationToken).ConfigureAwait(false);
        return created with { Id = id };
    }

    public Task<IReadOnlyList<Silence>> QuerySilencesAsync(DateTimeOffset now, bool includeExpired, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Silence>>(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {SilenceColumns} FROM silences WHERE @all OR ends_at > @now ORDER BY created_at DESC, id DESC;";
                command.Parameters.AddWithValue("@all", includeExpired);
                command.Parameters.AddWithValue("@now", UnixTime.ToNanoseconds(now));
                using var reader = command.ExecuteReader();
                var silences = new List<Silence>();
                while (reader.Read())
                {
                    silences.Add(ReadSilenceRow(reader));
                }

                return silences;
            },
            cancellationToken);

    /// <summary>
    /// Ends a silence at <paramref name="now"/>. One still pending gets both its start and its end set to now, so it is
    /// expired and never took effect (as Alertmanager does); one already expired is left as it was.
    /// </summary>
    public async Task<Silence?> ExpireSilenceAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return await WriteTransactionAsync(
            (connection, transaction) =>
            {
                var silence = ReadSilence(connection, transaction, id);
                if (silence is null || silence.StateAt(now) == SilenceState.Expired)
                {
                    return silence;
                }

                var expired = silence.StateAt(now) == SilenceState.Pending
                    ? silence with { StartsAt = now, EndsAt = now }
                    : silence with { EndsAt = now };
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE silences SET starts_at = @startsAt, ends_at = @endsAt WHERE id = @id;";
                command.Parameters.AddWithValue("@startsAt", UnixTime.ToNanoseconds(expired.StartsAt));
                command.Parameters.AddWithValue("@endsAt", UnixTime.ToNanoseconds(expired.EndsAt));
                command.Parameters.AddWithValue("@id", id);
                command.ExecuteNonQuery();
                return expired;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static Silence? ReadSilence(SqliteConnection connection, SqliteTransaction transaction, long id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {SilenceColumns} FROM silences WHERE id = @id;";
        command.Parameters.AddWithValue("@id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadSilenceRow(reader) : null;
    }

    private static Silence ReadSilenceRow(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Matchers = AlertJson.ReadMatchers(reader.GetString(1)),
        StartsAt = UnixTime.FromNanoseconds(reader.GetInt64(2)),
        EndsAt = UnixTime.FromNanoseconds(reader.GetInt64(3)),
        CreatedBy = reader.GetString(4),
        Comment = reader.GetString(5),
        CreatedAt = UnixTime.FromNanoseconds(reader.GetInt64(6)),
    };
}
