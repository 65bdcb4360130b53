namespace Vigil.Server.Disk;

/// <summary>
/// The free space of the file system that holds <paramref name="folder"/> (the store file's folder): one statfs call
/// (<see cref="DriveInfo"/>), so reading it once a second costs nothing.
/// </summary>
internal sealed class DriveDiskSpace(string folder) : IDiskSpace
{
    /// <summary>The disk a store file is on: the file system of its folder.</summary>
    public static DriveDiskSpace Of(string storeFile)
    {
        var full = Path.GetFullPath(storeFile);
        return new DriveDiskSpace(Path.GetDirectoryName(full) ?? full);
    }

    public DiskSpaceReading Read()
    {
        var drive = new DriveInfo(folder);
        return new DiskSpaceReading(drive.AvailableFreeSpace, drive.TotalSize);
    }
}
