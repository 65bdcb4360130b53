namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>A block ready to insert: its row in <c>log_blocks</c> and its row in <c>log_blocks_fts</c>.</summary>
/// <param name="LastSequence">The sequence of its last record; the row's id.</param>
/// <param name="Count">How many records it holds.</param>
/// <param name="ServiceName">The <c>service.name</c> of every record in it.</param>
/// <param name="MinTime">The earliest record time, Unix nanoseconds.</param>
/// <param name="MaxTime">The latest record time.</param>
/// <param name="MaxSeverity">The highest severity number in it.</param>
/// <param name="Data">The compressed columns (<see cref="LogBlockCompression"/>).</param>
/// <param name="Terms">The distinct words, trace buckets and attribute tokens of its records, space-separated.</param>
internal sealed record EncodedLogBlock(
    long LastSequence,
    int Count,
    string? ServiceName,
    long MinTime,
    long MaxTime,
    int MaxSeverity,
    byte[] Data,
    string Terms);
