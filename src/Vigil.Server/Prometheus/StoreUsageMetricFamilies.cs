using Vigil.Model.Prometheus;
using Vigil.Server.Usage;

namespace Vigil.Server.Prometheus;

/// <summary>
/// The store's per-signal figures and retention's last run, from the last <see cref="StoreStatusSampler"/>
/// measurement (at most <see cref="StoreStatusSampler.Interval"/> old): a scrape never scans the store. Growth is in bytes per second, Prometheus' base
/// unit (<c>vigil status</c> shows it per day). Nothing before the first measurement, or for a store that is not a file.
/// </summary>
internal static class StoreUsageMetricFamilies
{
    public static IReadOnlyList<ExpositionFamily> Read(StoreStatusSampler? sampler)
    {
        if (sampler?.Latest is not { } status)
        {
            return [];
        }

        var perSecond = 1 / TimeSpan.FromDays(1).TotalSeconds;
        var families = new List<ExpositionFamily>
        {
            Gauges.BySignal("vigil_store_signal_records", "Records the store holds, by signal (log records, spans, metric points, error events, health results).", status.Signals.Select(s => (s.Signal, (double)s.Records))),
            Gauges.BySignal("vigil_store_signal_recent_records", "Records of the last day (the growth window) the store holds, by signal.", status.Signals.Select(s => (s.Signal, (double)s.RecordsSince))),
            Gauges.BySignal("vigil_store_signal_bytes", "Stored bytes of each signal's rows (log records: their compressed blocks), without indexes or page overhead.", status.Signals.Select(s => (s.Signal, (double)s.Bytes))),
            Gauges.BySignal("vigil_store_signal_growth_bytes_per_second", "Each signal's growth at the last day's rate: its bytes times the share of its records from that day.", status.Signals.Select(s => (s.Signal, status.GrowthPerDay(s) * perSecond))),
            Gauges.One("vigil_store_growth_bytes_per_second", "The store's growth at the last day's rate, the signals' scaled to its used bytes.", status.StoreGrowthPerDay * perSecond),
            Gauges.One("vigil_store_status_timestamp_seconds", "When these store figures were measured (Unix seconds).", Gauges.Seconds(status.At)),
        };
        if (status.UntilFloor is { } until)
        {
            families.Add(Gauges.One("vigil_store_until_floor_seconds", "Seconds until the room on the store's disk falls to the disk guard's floor at the store's growth; 0 below it now; absent when the store does not grow.", until.TotalSeconds));
        }

        if (status.LastRetention is { } run)
        {
            families.Add(Gauges.One("vigil_retention_last_run_timestamp_seconds", "When retention's last recorded run ended (Unix seconds).", Gauges.Seconds(run.At)));
            families.Add(Gauges.One("vigil_retention_last_run_succeeded", "1 when retention's last recorded run succeeded, 0 when it failed.", run.Result is null ? 0 : 1));
            if (run.Result is { } result)
            {
                families.Add(Gauges.BySignal("vigil_retention_last_run_deleted_records", "Records retention's last recorded run deleted, by signal.", Gauges.DeletedBySignal(result)));
            }
        }

        return families;
    }
}
