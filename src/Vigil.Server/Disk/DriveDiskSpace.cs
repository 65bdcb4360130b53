namespace Vigil.Server.Disk;

/// <summary>
/// The free space of the file system that holds <paramref name="folder"/> (the store file's folder): one statfs call
/// (<see cref="DriveInfo"/>), so reading it once a second costs nothing.
/// </summary>
internal sealed class DriveDiskSpace(string folder) : IDiskSpace
{
    public DiskSpaceReading Read()
    {
        var drive = new DriveInfo(folder);
        return new DiskSpaceReading(drive.AvailableFreeSpace, drive.TotalSize);
    }
}
