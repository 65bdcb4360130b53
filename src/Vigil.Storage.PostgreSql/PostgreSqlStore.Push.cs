using Npgsql;
using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>vigil push's receiving side: the positions, moved in the batch's transaction (schema 003).</summary>
internal sealed partial class PostgreSqlStore : IPushTarget
{
    public Task<IReadOnlyDictionary<string, long>> ReadPushPositionsAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReadTriageAsync<IReadOnlyDictionary<string, long>>(
            async (connection, token) =>
            {
                await using var command = new NpgsqlCommand("SELECT stream, position FROM push_positions WHERE source = $1", connection);
                command.Parameters.Add(new() { Value = source });
                var rows = await PostgreSqlRows.ReadAllAsync(command, reader => (reader.GetString(0), reader.GetInt64(1)), token).ConfigureAwait(false);
                return rows.ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
            },
            cancellationToken);
    }

    private async Task WritePushMarksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PushMark> marks, CancellationToken cancellationToken)
    {
        foreach (var mark in marks)
        {
            // The row lock makes two servers' transactions for one stream take turns; the second then sees the first's position.
            await using (var insert = new NpgsqlCommand(
                "INSERT INTO push_positions (source, stream, position, updated_time) VALUES ($1, $2, 0, $3) ON CONFLICT DO NOTHING", connection, transaction))
            {
                insert.Parameters.Add(new() { Value = PostgreSqlText.Clean(mark.Source) });
                insert.Parameters.Add(new() { Value = PostgreSqlText.Clean(mark.Stream) });
                insert.Parameters.Add(new() { Value = UnixTime.ToNanoseconds(_options.Clock.GetUtcNow()) });
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            long current;
            await using (var read = new NpgsqlCommand("SELECT position FROM push_positions WHERE source = $1 AND stream = $2 FOR UPDATE", connection, transaction))
            {
                read.Parameters.Add(new() { Value = PostgreSqlText.Clean(mark.Source) });
                read.Parameters.Add(new() { Value = PostgreSqlText.Clean(mark.Stream) });
                current = (long)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            PushPositions.Check(mark, current);
            await using var update = new NpgsqlCommand("UPDATE push_positions SET position = $3, updated_time = $4 WHERE source = $1 AND stream = $2", connection, transaction);
            update.Parameters.Add(new() { Value = PostgreSqlText.Clean(mark.Source) });
            update.Parameters.Add(new() { Value = PostgreSqlText.Clean(mark.Stream) });
            update.Parameters.Add(new() { Value = mark.Through });
            update.Parameters.Add(new() { Value = UnixTime.ToNanoseconds(_options.Clock.GetUtcNow()) });
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
