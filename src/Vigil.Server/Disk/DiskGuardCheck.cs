using Vigil.Storage;

namespace Vigil.Server.Disk;

/// <summary>What one check of the disk guard measured and decided.</summary>
/// <param name="Time">When.</param>
/// <param name="Disk">The store disk's free and total bytes.</param>
/// <param name="Store">The store's bytes on disk, in use and reusable.</param>
/// <param name="FloorBytes">The floor on this disk.</param>
/// <param name="Refusing">Whether ingest is refused until the next check.</param>
internal sealed record DiskGuardCheck(DateTimeOffset Time, DiskSpaceReading Disk, StoreSpace Store, long FloorBytes, bool Refusing)
{
    /// <summary>Room for new data: the disk's free bytes and the store's reusable pages.</summary>
    public long RoomBytes => Disk.AvailableBytes + Store.ReusableBytes;
}
