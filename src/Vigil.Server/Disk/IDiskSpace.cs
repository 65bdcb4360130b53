namespace Vigil.Server.Disk;

/// <summary>Where the disk guard reads the store disk's free space: the file system (<see cref="DriveDiskSpace"/>), or a test's figures.</summary>
internal interface IDiskSpace
{
    /// <summary>The disk's figures now.</summary>
    /// <exception cref="IOException">The disk cannot be measured.</exception>
    DiskSpaceReading Read();
}
