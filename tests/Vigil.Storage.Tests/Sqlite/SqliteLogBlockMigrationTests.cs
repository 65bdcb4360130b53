using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>Schema 9 moves the rows of <c>logs</c> into log blocks: every record, every field, its sequence.</summary>
public sealed class SqliteLogBlockMigrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_VersionEightFileWithLogRows_MovesEveryRecordIntoBlocksKeepingItsSequenceAndFields()
    {
        // Arrange: a version 8 file with rows of three services interleaved, a gap in the ids, and the last row deleted.
        var path = _directory.Combine("v8.db");
        await using (SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: 8))
        {
        }

        var full = Full();
        var written = new List<LogEntry> { full };
        for (var i = 0; i < 2500; i++)
        {
            written.Add(Some.Log(
                $"request {i} served",
                severity: i % 7 == 0 ? 17 : 9,
                time: Some.BaseTime.AddMilliseconds(i * 10),
                service: (i / 3 % 3) switch { 0 => "checkout", 1 => "billing", _ => "search" },
                traceId: i % 2 == 0 ? Some.TraceId(i + 100) : null,
                attributes: [new("n", i), new("even", i % 2 == 0)]));
        }

        written.Add(Some.Log("gap"));
        written.Add(Some.Log("after the gap"));
        written.Add(Some.Log("deleted last"));
        LegacyLogRows.Insert(path, [.. written]);
        Execute(path, "DELETE FROM logs WHERE body IN ('gap', 'deleted last');");
        written.RemoveAll(l => l.Body is "gap" or "deleted last");
        var sequences = ReadSequences(path);
        var highest = Scalar(path, "SELECT seq FROM sqlite_sequence WHERE name = 'logs';");

        // Act
        await using var store = SqliteTelemetryStore.Open(path);
        var read = await store.QueryLogsAsync(new LogQuery { AfterSequence = 0, Limit = 10_000 });
        await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("after the upgrade")] });
        var next = (await store.QueryLogsAsync(new LogQuery { Text = "upgrade" }))[0];

        // Assert: the same records in the same sequence order, field by field.
        Assert.Equal(written.Count, read.Count);
        for (var i = 0; i < written.Count; i++)
        {
            Assert.Equal(sequences[written[i].Body!], read[i].Sequence);
            AssertSame(written[i], read[i]);
        }

        Assert.Equal(highest + 1, next.Sequence);
        Assert.Equal(0, Scalar(path, "SELECT count(*) FROM sqlite_master WHERE name IN ('logs', 'logs_fts');"));
        Assert.True(Scalar(path, "SELECT count(*) FROM log_blocks;") >= 3);
        Assert.Equal("request 42 served", Assert.Single(await store.QueryLogsAsync(new LogQuery { Text = "42 served" })).Body);
        Assert.Equal("request 42 served", Assert.Single(await store.QueryLogsAsync(new LogQuery { TraceId = Some.TraceId(142) })).Body);
        Assert.Equal("request 43 served", Assert.Single(await store.QueryLogsAsync(new LogQuery { Attributes = [new("n", "43")] })).Body);
        Assert.Equal(full.Body, Assert.Single(await store.QueryLogsAsync(new LogQuery { Text = "declined", ServiceName = "checkout" })).Body);
    }

    private static LogEntry Full() => new()
    {
        Timestamp = Some.BaseTime.AddTicks(1234567),
        ObservedTimestamp = Some.BaseTime.AddSeconds(1),
        SeverityNumber = 17,
        SeverityText = "Error",
        Body = "payment declined for order 42 ünïcödé",
        Attributes = [new("order.id", 42), new("amount", 19.5), new("retry", true), new("tags", new List<string> { "a", "b" }), new("raw", Convert.FromHexString("0102FF")), new("missing", null)],
        TraceId = Some.TraceId(7),
        SpanId = Some.SpanId(3),
        TraceFlags = 1,
        EventName = "payment.failed",
        ExceptionType = "System.InvalidOperationException",
        ExceptionMessage = "card declined",
        ExceptionStackTrace = "at Shop.Pay()\n at Shop.Main()",
        Scope = Some.Scope(),
        Resource = Some.Resource(),
    };

    private static void AssertSame(LogEntry expected, LogEntry actual)
    {
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.ObservedTimestamp, actual.ObservedTimestamp);
        Assert.Equal(expected.SeverityNumber, actual.SeverityNumber);
        Assert.Equal(expected.SeverityText, actual.SeverityText);
        AttributeAssert.Equal(expected.Attributes, actual.Attributes);
        Assert.Equal(expected.TraceId, actual.TraceId);
        Assert.Equal(expected.SpanId, actual.SpanId);
        Assert.Equal(expected.TraceFlags, actual.TraceFlags);
        Assert.Equal(expected.EventName, actual.EventName);
        Assert.Equal(expected.ExceptionType, actual.ExceptionType);
        Assert.Equal(expected.ExceptionMessage, actual.ExceptionMessage);
        Assert.Equal(expected.ExceptionStackTrace, actual.ExceptionStackTrace);
        Assert.Equal(expected.Resource.ServiceName, actual.Resource.ServiceName);
        AttributeAssert.Equal(expected.Resource.Attributes, actual.Resource.Attributes);
        Assert.Equal(expected.Scope.Name, actual.Scope.Name);
        Assert.Equal(expected.Scope.Version, actual.Scope.Version);
    }

    private static Dictionary<string, long> ReadSequences(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body, id FROM logs;";
        using var reader = command.ExecuteReader();
        var sequences = new Dictionary<string, long>();
        while (reader.Read())
        {
            sequences.Add(reader.GetString(0), reader.GetInt64(1));
        }

        return sequences;
    }

    private static long Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
