using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Model.Text;

namespace Vigil.Cli.Commands.Status;

/// <summary>The text <c>vigil status</c> prints: a table of the signals, then the store, the disk and the floor.</summary>
internal static class StatusTextOutput
{
    public static void Write(IAnsiConsole console, Palette palette, StatusReport report)
    {
        var table = new TextTable("SIGNAL", ">RECORDS", ">SIZE", ">LAST DAY", ">GROWTH/DAY");
        foreach (var signal in report.Signals)
        {
            table.AddRow(
                (signal.Signal, Style.Plain),
                (signal.Records.ToString("N0", CultureInfo.InvariantCulture), Style.Plain),
                (ByteSizeGrammar.Format(signal.Bytes), Style.Plain),
                (signal.RecordsSince.ToString("N0", CultureInfo.InvariantCulture), Style.Plain),
                (ByteSizeGrammar.Format(StatusReport.GrowthPerDay(signal, report.Window)), Style.Plain));
        }

        table.Write(console, palette);
        var store = report.Store;
        console.WriteLine($"store      {report.Location}");
        console.WriteLine($"size       {ByteSizeGrammar.Format(store.FileBytes)} on disk ({ByteSizeGrammar.Format(store.UsedBytes)} in use, {ByteSizeGrammar.Format(store.ReusableBytes)} reusable, -wal {ByteSizeGrammar.Format(store.WalBytes)})");
        console.WriteLine($"growth     {ByteSizeGrammar.Format(report.StoreGrowthPerDay)} a day (the last day's records)");
        console.WriteLine($"disk       {ByteSizeGrammar.Format(report.DiskFreeBytes)} free of {ByteSizeGrammar.Format(report.DiskTotalBytes)}");
        console.WriteLine($"floor      {ByteSizeGrammar.Format(report.FloorBytes)} (vigil serve's disk guard, by default)");
        console.WriteLine($"to floor   {UntilFloor(report)}");
        console.WriteLine("retention  its last run is not recorded in the store: vigil serve logs each run");
    }

    private static string UntilFloor(StatusReport report) => report.UntilFloor switch
    {
        null => "never at this rate (nothing written in the last day)",
        { } zero when zero == TimeSpan.Zero => "below the floor now: vigil serve refuses ingest",
        { } time => $"{DurationFormatter.Format(time)} at this rate",
    };
}
