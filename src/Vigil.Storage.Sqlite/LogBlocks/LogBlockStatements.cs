using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>The prepared statements that store blocks: the writer's, the schema 9 migration's and the benchmark's.</summary>
internal sealed class LogBlockStatements : IDisposable
{
    private readonly PreparedCommand _insertBlock;
    private readonly PreparedCommand _insertTerms;
    private readonly PreparedCommand _lastSequence;

    public LogBlockStatements(SqliteConnection connection)
    {
        _insertBlock = new(
            connection,
            "INSERT INTO log_blocks (id, count, service_name, min_time, max_time, max_severity, data) " +
            "VALUES (@id, @count, @service, @minTime, @maxTime, @maxSeverity, @data);",
            "@id", "@count", "@service", "@minTime", "@maxTime", "@maxSeverity", "@data");
        _insertTerms = new(connection, "INSERT INTO log_blocks_fts (rowid, terms) VALUES (@id, @terms);", "@id", "@terms");
        _lastSequence = new(connection, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'log_blocks'), 0);");
        All = [_insertBlock, _insertTerms, _lastSequence];
    }

    public PreparedCommand[] All { get; }

    /// <summary>The highest sequence ever handed out; the caller holds the write lock (BEGIN IMMEDIATE).</summary>
    public long LastSequence() => _lastSequence.ExecuteInt64();

    public void Insert(EncodedLogBlock block)
    {
        _insertBlock.Set(0, block.LastSequence);
        _insertBlock.Set(1, block.Count);
        _insertBlock.Set(2, block.ServiceName);
        _insertBlock.Set(3, block.MinTime);
        _insertBlock.Set(4, block.MaxTime);
        _insertBlock.Set(5, block.MaxSeverity);
        _insertBlock.Set(6, block.Data);
        _insertBlock.Execute();
        _insertTerms.Set(0, block.LastSequence);
        _insertTerms.Set(1, block.Terms);
        _insertTerms.Execute();
    }

    public void Dispose()
    {
        foreach (var command in All)
        {
            command.Dispose();
        }
    }
}
