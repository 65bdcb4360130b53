namespace Vigil.Server.Disk;

/// <summary>A disk's free and total bytes; free as this process may use it (root's reserve on ext4 excluded).</summary>
internal readonly record struct DiskSpaceReading(long AvailableBytes, long TotalBytes);
