using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Sqlite.LogBlocks;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>
/// The full-text index behind <c>--grep</c>, <c>--trace</c> and <c>--where</c>: bounded per record (issue 10, item 4),
/// and body words kept apart from attribute tokens, with the stored attributes deciding (issue 10, item 6).
/// </summary>
public sealed class SqliteSearchIndexTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private ITelemetryStore? _store;

    private string Path => _directory.Combine("vigil.db");

    private ITelemetryStore Store => _store!;

    public Task InitializeAsync()
    {
        _store = SqliteTelemetryStore.Open(Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_BodyWithHundredThousandDistinctWords_StoresItAndIndexesOnlyTheFirstWords()
    {
        // Arrange: 100,000 distinct words of 7 letters and digits each, well past both limits.
        var body = string.Join(' ', Enumerable.Range(0, 100_000).Select(Word));
        Assert.True(SearchTokens.MaxBodyWords * 8 < SearchTokens.MaxBodyCharacters, "the word limit must bind first here");

        // Act
        await Store.WriteAsync(new TelemetryBatch { Logs = [Some.Log(body)] }).WaitAsync(TimeSpan.FromMinutes(2));

        // Assert
        Assert.Equal(body, Assert.Single(await SearchAsync(Word(0))).Body);
        Assert.Single(await SearchAsync(Word(SearchTokens.MaxBodyWords - 1)));
        Assert.Empty(await SearchAsync(Word(SearchTokens.MaxBodyWords)));
        Assert.Empty(await SearchAsync(Word(99_999)));
    }

    [Fact]
    public async Task WriteAsync_LongBodyOfFewWords_IndexesOnlyItsFirstCharacters()
    {
        // Arrange: a hex dump's shape: few words, many characters.
        var body = "dump " + new string('-', SearchTokens.MaxBodyCharacters) + " trailer";

        // Act
        await Store.WriteAsync(new TelemetryBatch { Logs = [Some.Log(body)] }).WaitAsync(TimeSpan.FromMinutes(1));

        // Assert
        Assert.Single(await SearchAsync("dump"));
        Assert.Empty(await SearchAsync("trailer"));
    }

    [Fact]
    public async Task WriteAsync_RecordWithHundredThousandAttributes_StoresThemAndFiltersOnTheFirst()
    {
        // Arrange
        var attributes = Enumerable.Range(0, 100_000).Select(i => new KeyValuePair<string, object?>("k" + Number(i), "v")).ToArray();

        // Act
        await Store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("wide", attributes: attributes)] }).WaitAsync(TimeSpan.FromMinutes(2));

        // Assert
        var stored = Assert.Single(await WhereAsync(("k" + Number(0), "v")));
        Assert.Equal(100_000, stored.Attributes.Count);
        Assert.Single(await WhereAsync(("k" + Number(SearchTokens.MaxAttributes - 1), "v")));
        Assert.Empty(await WhereAsync(("k" + Number(SearchTokens.MaxAttributes), "v")));
        Assert.Empty(await WhereAsync(("k" + Number(99_999), "v")));
    }

    [Fact]
    public async Task WriteAsync_TwentyThousandDistinctResourcesInOneBatch_StoresEveryOneDistinct()
    {
        // Arrange
        var logs = Enumerable.Range(0, 20_000).Select(i => Some.Log("started", service: "svc-" + Number(i))).ToArray();

        // Act
        await Store.WriteAsync(new TelemetryBatch { Logs = logs }).WaitAsync(TimeSpan.FromMinutes(5));

        // Assert
        Assert.Equal(20_000L, Scalar("SELECT count(*) FROM resources;"));
        Assert.Equal(20_000L, Scalar("SELECT count(DISTINCT service_name) FROM log_blocks;"));
        var all = await Store.QueryLogsAsync(new LogQuery { AfterSequence = 0, Limit = 30_000 }).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(20_000, all.Select(l => l.Resource.ServiceName).Distinct().Count());
        Assert.All(all, l => Assert.Equal("started", l.Body));
        var last = Assert.Single(await Store.QueryLogsAsync(new LogQuery { ServiceName = "svc-" + Number(19_999) }));
        Assert.Equal("svc-" + Number(19_999), last.Resource.ServiceName);
    }

    [Fact]
    public async Task QueryLogsAsync_BodySpellingAnAttributeToken_DoesNotMatchWhere()
    {
        // Arrange: the token as the index spells it now, and as it was spelled before schema 8.
        var token = SearchTokens.AttributeToken("tenant", "acme");
        var spoof = Some.Log($"hello {token} {token.Replace("_", string.Empty, StringComparison.Ordinal)}", service: "intruder");
        var real = Some.Log("hello", service: "billing", attributes: [new("tenant", "acme")]);

        // Act
        await Store.WriteAsync(new TelemetryBatch { Logs = [spoof, real] }).WaitAsync(TimeSpan.FromMinutes(1));

        // Assert
        Assert.Equal("billing", Assert.Single(await WhereAsync(("tenant", "acme"))).Resource.ServiceName);
    }

    [Fact]
    public async Task QueryLogsAsync_IndexTokenWithoutTheAttribute_DoesNotMatchWhere()
    {
        // Arrange: a row whose index entry holds the token of tenant=acme, as a hash collision would, while its
        // stored attribute says tenant=other.
        await Store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("collides", attributes: [new("tenant", "other")])] })
            .WaitAsync(TimeSpan.FromMinutes(1));
        var id = Scalar("SELECT id FROM log_blocks;");
        Execute($"DELETE FROM log_blocks_fts WHERE rowid = {id}; INSERT INTO log_blocks_fts (rowid, terms) VALUES ({id}, '{SearchTokens.AttributeToken("tenant", "acme")}');");

        // Act
        var matches = await WhereAsync(("tenant", "acme"));

        // Assert
        Assert.Empty(matches);
        Assert.Single(await Store.QueryLogsAsync(new LogQuery()).WaitAsync(TimeSpan.FromMinutes(1)));
    }

    private static string Word(int n) => "w" + Number(n);

    private static string Number(int n) => n.ToString("D6", CultureInfo.InvariantCulture);

    private Task<IReadOnlyList<LogEntry>> SearchAsync(string text) =>
        Store.QueryLogsAsync(new LogQuery { Text = text }).WaitAsync(TimeSpan.FromMinutes(1));

    private Task<IReadOnlyList<LogEntry>> WhereAsync(params (string Key, string Value)[] filters) =>
        Store.QueryLogsAsync(new LogQuery { Attributes = [.. filters.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))] })
            .WaitAsync(TimeSpan.FromMinutes(1));

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
