using Vigil.Model.Prometheus;
using Vigil.Server.Disk;

namespace Vigil.Server.Prometheus;

/// <summary>
/// The disk guard's last check (<see cref="DiskGuard.LastCheck"/>, at most an interval old; nothing is measured per
/// scrape): the store's bytes, the disk's free and total bytes, the floor, whether ingest is refused, and when the
/// guard last dropped data to make room and how much. Nothing when the guard does not run (PostgreSQL, read-only,
/// turned off) or has not checked yet.
/// </summary>
internal static class DiskMetricFamilies
{
    public static IReadOnlyList<ExpositionFamily> Read(DiskGuard? guard)
    {
        if (guard?.LastCheck is not { } check)
        {
            return [];
        }

        var families = new List<ExpositionFamily>
        {
            Gauges.One("vigil_store_file_bytes", "Bytes of the store's files on disk (the database file and its -wal file).", check.Store.FileBytes),
            Gauges.One("vigil_store_used_bytes", "Bytes of the store that hold data (pages in use plus the -wal file), as retention's size limit measures them.", check.Store.UsedBytes),
            Gauges.One("vigil_store_reusable_bytes", "Bytes of free pages inside the store's file, which new data fills before the file grows.", check.Store.ReusableBytes),
            Gauges.One("vigil_disk_free_bytes", "Free bytes on the store's disk, as this process may use them.", check.Disk.AvailableBytes),
            Gauges.One("vigil_disk_total_bytes", "Size of the store's disk in bytes.", check.Disk.TotalBytes),
            Gauges.One("vigil_disk_floor_bytes", "The disk guard's floor: below this much room (free bytes plus reusable pages) ingest is refused.", check.FloorBytes),
            Gauges.One("vigil_disk_guard_refusing", "1 while ingest is refused because the store's disk is below the floor, else 0.", check.Refusing ? 1 : 0),
        };
        if (guard.LastDrop is { } drop)
        {
            families.Add(Gauges.One("vigil_disk_guard_last_drop_timestamp_seconds", "When the disk guard last dropped the oldest data to make room (Unix seconds).", Gauges.Seconds(drop.Time)));
            families.Add(Gauges.BySignal("vigil_disk_guard_last_drop_records", "Records the disk guard's last drop deleted, by signal.", Gauges.DeletedBySignal(drop.Result)));
        }

        return families;
    }
}
