using System.Text.Json;
using Vigil.Cli.Output;
using Vigil.Server.Usage;

namespace Vigil.Cli.Commands.Status;

/// <summary>
/// <c>vigil status --json</c>, of a store file or a server's store alike: one object with the <c>store</c> file, when it
/// was measured (<c>measuredAt</c>), the store's bytes (<c>fileBytes</c>, <c>usedBytes</c>,
/// <c>reusableBytes</c>, <c>walBytes</c>), <c>signals</c> (each with <c>records</c>, <c>recordsLastDay</c>,
/// <c>bytes</c>, <c>growthBytesPerDay</c>), <c>growthBytesPerDay</c>, the disk's <c>diskFreeBytes</c> and
/// <c>diskTotalBytes</c>, <c>floorBytes</c>, <c>untilFloorSeconds</c> (null when the store does not grow),
/// <c>configuration</c> (the server file read, or null), <c>retention</c> (its <c>maxAgeSeconds</c>,
/// <c>maxSizeBytes</c> and <c>intervalSeconds</c>, or null), and <c>lastRetention</c> (the newest recorded run: its
/// <c>at</c>, <c>succeeded</c>, the deleted counts or <c>failure</c>; null when none is recorded).
/// </summary>
internal static class StatusJsonOutput
{
    public static void Write(TextWriter output, StoreStatus report)
    {
        var lines = new JsonLines(output);
        lines.Write(json =>
        {
            json.WriteString("store", report.Location);
            json.WriteString("measuredAt", report.At);
            json.WriteNumber("fileBytes", report.Store.FileBytes);
            json.WriteNumber("usedBytes", report.Store.UsedBytes);
            json.WriteNumber("reusableBytes", report.Store.ReusableBytes);
            json.WriteNumber("walBytes", report.Store.WalBytes);
            json.WriteStartArray("signals");
            foreach (var signal in report.Signals)
            {
                json.WriteStartObject();
                json.WriteString("signal", signal.Signal);
                json.WriteNumber("records", signal.Records);
                json.WriteNumber("recordsLastDay", signal.RecordsSince);
                json.WriteNumber("bytes", signal.Bytes);
                json.WriteNumber("growthBytesPerDay", Math.Round(report.GrowthPerDay(signal)));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("growthBytesPerDay", Math.Round(report.StoreGrowthPerDay));
            json.WriteNumber("diskFreeBytes", report.DiskFreeBytes);
            json.WriteNumber("diskTotalBytes", report.DiskTotalBytes);
            json.WriteNumber("floorBytes", report.FloorBytes);
            if (report.UntilFloor is { } until)
            {
                json.WriteNumber("untilFloorSeconds", Math.Round(until.TotalSeconds));
            }
            else
            {
                json.WriteNull("untilFloorSeconds");
            }

            WriteRetention(json, report);
        });
        lines.Flush();
    }

    private static void WriteRetention(Utf8JsonWriter json, StoreStatus report)
    {
        json.WriteString("configuration", report.ConfigurationFile);
        if (report.Retention is { } retention)
        {
            json.WriteStartObject("retention");
            json.WriteNumberOrNull("maxAgeSeconds", retention.MaxAge?.TotalSeconds);
            json.WriteNumberOrNull("maxSizeBytes", retention.MaxSizeBytes);
            json.WriteNumber("intervalSeconds", report.RetentionInterval.TotalSeconds);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("retention");
        }

        if (report.LastRetention is not { } run)
        {
            json.WriteNull("lastRetention");
            return;
        }

        json.WriteStartObject("lastRetention");
        json.WriteString("at", run.At);
        json.WriteBoolean("succeeded", run.Result is not null);
        if (run.Result is { } result)
        {
            json.WriteNumber("logsDeleted", result.LogsDeleted);
            json.WriteNumber("spansDeleted", result.SpansDeleted);
            json.WriteNumber("metricPointsDeleted", result.MetricPointsDeleted);
            json.WriteNumber("errorEventsDeleted", result.ErrorEventsDeleted);
            json.WriteNumber("healthResultsDeleted", result.HealthResultsDeleted);
            json.WriteNumber("metricSeriesDeleted", result.MetricSeriesDeleted);
            json.WriteNumber("resourcesDeleted", result.ResourcesDeleted);
        }
        else
        {
            json.WriteString("failure", run.Failure);
        }

        json.WriteEndObject();
    }
}
