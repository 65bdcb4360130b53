using System.ComponentModel.DataAnnotations;

namespace Vigil.Storage;

/// <summary>How much telemetry a store keeps. Unset limits are not applied.</summary>
public sealed record RetentionOptions
{
    /// <summary>The default for <see cref="ChunkSize"/>.</summary>
    public const int DefaultChunkSize = 5_000;

    /// <summary>Records older than this are deleted.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>
    /// The oldest records are deleted until the store's used size (pages in use, not counting free
    /// pages that SQLite reuses) is at most this many bytes.
    /// </summary>
    [Range(1L, long.MaxValue)]
    public long? MaxSizeBytes { get; init; }

    /// <summary>How many rows one delete transaction removes at most.</summary>
    [Range(1, 1_000_000)]
    public int ChunkSize { get; init; } = DefaultChunkSize;
}
