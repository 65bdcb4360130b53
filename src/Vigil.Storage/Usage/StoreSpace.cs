namespace Vigil.Storage;

/// <summary>The room a store takes, in bytes.</summary>
public sealed record StoreSpace
{
    /// <summary>
    /// The store's files on disk (SQLite: the database file and its -wal file; PostgreSQL: the database's size as the
    /// server reports it).
    /// </summary>
    public long FileBytes { get; init; }

    /// <summary>
    /// Bytes that hold data, as retention's size limit measures them (SQLite: the pages in use, as the database will be
    /// once the -wal file is copied back, plus the -wal file).
    /// </summary>
    public long UsedBytes { get; init; }

    /// <summary>
    /// Bytes inside the store's files that hold nothing and that later writes fill before the files grow (SQLite's free
    /// pages, left where retention deleted): room for new data that the disk's free space does not show.
    /// </summary>
    public long ReusableBytes { get; init; }

    /// <summary>The -wal file's bytes (SQLite; zero elsewhere), part of <see cref="FileBytes"/> and <see cref="UsedBytes"/>.</summary>
    public long WalBytes { get; init; }
}
