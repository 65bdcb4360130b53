using Vigil.Cli.Output;

namespace Vigil.Cli.Commands.Status;

/// <summary>
/// <c>vigil status --json</c>: one object with the store's bytes (<c>fileBytes</c>, <c>usedBytes</c>,
/// <c>reusableBytes</c>, <c>walBytes</c>), <c>signals</c> (each with <c>records</c>, <c>recordsLastDay</c>,
/// <c>bytes</c>, <c>growthBytesPerDay</c>), <c>growthBytesPerDay</c>, the disk's <c>diskFreeBytes</c> and
/// <c>diskTotalBytes</c>, <c>floorBytes</c>, and <c>untilFloorSeconds</c> (null when the store does not grow).
/// </summary>
internal static class StatusJsonOutput
{
    public static void Write(TextWriter output, StatusReport report)
    {
        var lines = new JsonLines(output);
        lines.Write(json =>
        {
            json.WriteString("store", report.Location);
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
                json.WriteNumber("growthBytesPerDay", Math.Round(StatusReport.GrowthPerDay(signal, report.Window)));
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
        });
        lines.Flush();
    }
}
