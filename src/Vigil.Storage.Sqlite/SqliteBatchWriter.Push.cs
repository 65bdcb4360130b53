using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>Push marks: each batch's positions move in the batch's own transaction (schema 012).</summary>
internal sealed partial class SqliteBatchWriter
{
    private void WritePushMarks(IReadOnlyList<PushMark> marks, SqliteTransaction transaction)
    {
        if (marks.Count == 0)
        {
            return;
        }

        // Rare (one per pushed request) and small: plain commands, not prepared ones kept for every batch.
        using var read = _connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT position FROM push_positions WHERE source = @source AND stream = @stream;";
        var readSource = read.Parameters.Add("@source", SqliteType.Text);
        var readStream = read.Parameters.Add("@stream", SqliteType.Text);
        using var write = _connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText =
            "INSERT INTO push_positions (source, stream, position, updated_time) VALUES (@source, @stream, @position, @time) " +
            "ON CONFLICT (source, stream) DO UPDATE SET position = excluded.position, updated_time = excluded.updated_time;";
        var writeSource = write.Parameters.Add("@source", SqliteType.Text);
        var writeStream = write.Parameters.Add("@stream", SqliteType.Text);
        var writePosition = write.Parameters.Add("@position", SqliteType.Integer);
        write.Parameters.AddWithValue("@time", UnixTime.ToNanoseconds(_clock.GetUtcNow()));
        foreach (var mark in marks)
        {
            readSource.Value = mark.Source;
            readStream.Value = mark.Stream;
            var current = read.ExecuteScalar() is long position ? position : 0;

            // Two marks of one stream in one group commit: the second sees the first's position and is refused.
            PushPositions.Check(mark, current);
            writeSource.Value = mark.Source;
            writeStream.Value = mark.Stream;
            writePosition.Value = mark.Through;
            write.ExecuteNonQuery();
        }
    }
}
