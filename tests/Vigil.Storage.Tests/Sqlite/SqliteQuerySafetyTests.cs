using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>Reads that cannot run away: the plans they take, cancellation inside SQLite, and the query timeout.</summary>
public sealed class SqliteQuerySafetyTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task TraceListByService_Plan_FindsEachTracesSpansByTraceId()
    {
        // Arrange: the plan SQLite chose before was a walk of ix_spans_service_start per trace (quadratic).
        await using var store = SqliteStore.Open(_directory.Combine("vigil.db"), TelemetryStoreOptions.Writer);
        await store.WriteAsync(new TelemetryBatch { Spans = [.. Enumerable.Range(1, 50).Select(i => Some.Span(i, i))] });
        using var connection = store.OpenConnection();

        // Act
        var plan = ReadPlan(SqliteStore.TraceListCommand(connection, new TraceQuery { ServiceName = "checkout", Limit = 10 }, "EXPLAIN QUERY PLAN "));

        // Assert
        Assert.Contains(plan, step => step.Contains("USING INDEX ix_spans_trace (trace_id=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("ix_spans_service_start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueryLogsAsync_CancelledWhileSqliteRuns_InterruptsTheStatementAndThrowsCanceled()
    {
        // Arrange: both words are in every body but the phrase in none, so every match is read; that read is running when the token is cancelled, from inside it.
        await using var store = SqliteStore.Open(_directory.Combine("vigil.db"), TelemetryStoreOptions.Writer);
        await WriteLogsAsync(store, 20_000);
        using var cancellation = new CancellationTokenSource();
        var progressCalls = 0;
        store.OnQueryProgress = () =>
        {
            progressCalls++;
            cancellation.Cancel();
        };

        // Act
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.QueryLogsAsync(new LogQuery { Text = "order placed", Limit = 10 }, cancellation.Token).WaitAsync(TimeSpan.FromMinutes(1)));

        // Assert: SQLite interrupted the statement at the first check after the cancel, and the read stopped there.
        Assert.Equal(cancellation.Token, thrown.CancellationToken);
        var interrupted = Assert.IsType<SqliteException>(thrown.InnerException);
        Assert.Equal(SQLitePCL.raw.SQLITE_INTERRUPT, interrupted.SqliteErrorCode);
        Assert.Equal(1, progressCalls);
    }

    [Fact]
    public async Task QueryLogsAsync_PastTheQueryTimeout_ThrowsTimeoutSayingSo()
    {
        // Arrange: a timeout of one tick has passed at SQLite's first check inside the scan.
        var options = TelemetryStoreOptions.Writer with { QueryTimeout = TimeSpan.FromTicks(1) };
        await using var store = SqliteStore.Open(_directory.Combine("vigil.db"), options);
        await WriteLogsAsync(store, 20_000);

        // Act
        var thrown = await Assert.ThrowsAsync<StoreQueryTimeoutException>(
            () => store.QueryLogsAsync(new LogQuery { Text = "order placed", Limit = 10 }).WaitAsync(TimeSpan.FromMinutes(1)));

        // Assert
        Assert.StartsWith("the query took longer than 0 s, the store's query timeout, and was stopped", thrown.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(thrown.InnerException);
    }

    [Fact]
    public async Task QueryLogsAsync_AfterAnInterruptedRead_NextReadOnThePooledConnectionRuns()
    {
        // Arrange
        await using var store = SqliteStore.Open(_directory.Combine("vigil.db"), TelemetryStoreOptions.Writer);
        await WriteLogsAsync(store, 20_000);
        using var cancellation = new CancellationTokenSource();
        store.OnQueryProgress = cancellation.Cancel;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.QueryLogsAsync(new LogQuery { Text = "order placed", Limit = 10 }, cancellation.Token).WaitAsync(TimeSpan.FromMinutes(1)));
        store.OnQueryProgress = null;

        // Act: the handler went with the cancelled read, so this one is not stopped.
        var logs = await store.QueryLogsAsync(new LogQuery { Text = "placed", Limit = 10 }).WaitAsync(TimeSpan.FromMinutes(1));

        // Assert
        Assert.Equal(10, logs.Count);
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("%")]
    [InlineData("\U0001F525")]
    public async Task QueryLogsAsync_TextWithoutLetterOrDigit_RefusesSayingWhy(string text)
    {
        // Arrange
        await using var store = SqliteStore.Open(_directory.Combine("vigil.db"), TelemetryStoreOptions.Writer);
        await WriteLogsAsync(store, 10);

        // Act
        var thrown = await Assert.ThrowsAsync<QueryRefusedException>(() => store.QueryLogsAsync(new LogQuery { Text = text, Limit = 10 }));

        // Assert
        Assert.Equal($"the search text '{text}' has no letter or digit, so no index can serve it and it would read every log record; search for a word, or add a trace or where filter", thrown.Message);
    }

    [Fact]
    public async Task QueryLogsAsync_TextWithoutWordsButWithATrace_RunsOnTheIndex()
    {
        // Arrange
        await using var store = SqliteStore.Open(_directory.Combine("vigil.db"), TelemetryStoreOptions.Writer);
        await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("100% done", traceId: Some.TraceId(1)), Some.Log("100% done")] });

        // Act
        var logs = await store.QueryLogsAsync(new LogQuery { Text = "%", TraceId = Some.TraceId(1), Limit = 10 });

        // Assert
        Assert.Equal("100% done", Assert.Single(logs).Body);
    }

    private static async Task WriteLogsAsync(SqliteStore store, int count)
    {
        var logs = Enumerable.Range(0, count).Select(i => Some.Log($"order {i} placed", time: Some.BaseTime.AddMilliseconds(i))).ToArray();
        await store.WriteAsync(new TelemetryBatch { Logs = logs }).WaitAsync(TimeSpan.FromMinutes(2));
    }

    private static List<string> ReadPlan(SqliteCommand command)
    {
        using (command)
        {
            using var reader = command.ExecuteReader();
            var steps = new List<string>();
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }

            return steps;
        }
    }
}
