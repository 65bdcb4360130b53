namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>How a stored block's bytes are compressed: the first byte of every block blob.</summary>
internal enum LogBlockCodec : byte
{
    /// <summary>Stored as built.</summary>
    None = 0,

    /// <summary>Brotli (RFC 7932), System.IO.Compression.</summary>
    Brotli = 1,

    /// <summary>Raw Deflate (RFC 1951), System.IO.Compression.</summary>
    Deflate = 2,
}
