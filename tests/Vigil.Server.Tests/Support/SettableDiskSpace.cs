using Vigil.Server.Disk;

namespace Vigil.Server.Tests.Support;

/// <summary>
/// A disk whose free space the test sets: the disk guard's own logic on a real store, without filling a real disk
/// (DiskGuardFullDiskTests does that on a tmpfs).
/// </summary>
internal sealed class SettableDiskSpace(long availableBytes, long totalBytes) : IDiskSpace
{
    private long _available = availableBytes;

    public long AvailableBytes
    {
        get => Interlocked.Read(ref _available);
        set => Interlocked.Exchange(ref _available, value);
    }

    public long TotalBytes { get; } = totalBytes;

    public int Reads => _reads;

    private int _reads;

    public DiskSpaceReading Read()
    {
        Interlocked.Increment(ref _reads);
        return new DiskSpaceReading(AvailableBytes, TotalBytes);
    }
}
