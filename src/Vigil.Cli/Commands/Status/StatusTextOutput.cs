using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Model.Text;
using Vigil.Server.Usage;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Status;

/// <summary>
/// The text <c>vigil status</c> prints, of a store file or of a server's store alike: a table of the signals, then the
/// store, the disk, the floor and retention.
/// </summary>
internal static class StatusTextOutput
{
    public static void Write(IAnsiConsole console, Palette palette, StoreStatus report, DateTimeOffset now)
    {
        var table = new TextTable("SIGNAL", ">RECORDS", ">SIZE", ">LAST DAY", ">GROWTH/DAY");
        foreach (var signal in report.Signals)
        {
            table.AddRow(
                (signal.Signal, Style.Plain),
                (signal.Records.ToString("N0", CultureInfo.InvariantCulture), Style.Plain),
                (ByteSizeGrammar.Format(signal.Bytes), Style.Plain),
                (signal.RecordsSince.ToString("N0", CultureInfo.InvariantCulture), Style.Plain),
                (ByteSizeGrammar.Format(report.GrowthPerDay(signal)), Style.Plain));
        }

        table.Write(console, palette);
        var store = report.Store;
        console.WriteLine($"store      {report.Location}");
        console.WriteLine($"size       {ByteSizeGrammar.Format(store.FileBytes)} on disk ({ByteSizeGrammar.Format(store.UsedBytes)} in use, {ByteSizeGrammar.Format(store.ReusableBytes)} reusable, -wal {ByteSizeGrammar.Format(store.WalBytes)})");
        console.WriteLine($"growth     {ByteSizeGrammar.Format(report.StoreGrowthPerDay)} a day (the last day's records)");
        console.WriteLine($"disk       {ByteSizeGrammar.Format(report.DiskFreeBytes)} free of {ByteSizeGrammar.Format(report.DiskTotalBytes)}");
        if (report.ConfigurationFile is { } file)
        {
            console.WriteLine($"config     {file}");
        }

        console.WriteLine($"floor      {ByteSizeGrammar.Format(report.FloorBytes)} (vigil serve's disk guard, {(report.ConfigurationFile is null ? "by default" : "as the config sets it")})");
        console.WriteLine($"to floor   {UntilFloor(report)}");
        // Without a file a store's retention is unknown (vigil serve's default is none); a server says what it runs.
        if (report.ConfigurationFile is not null || report.Retention is not null)
        {
            console.WriteLine($"retention  {Configured(report)}");
        }

        console.WriteLine($"last run   {LastRun(report, now)}");
    }

    private static string Configured(StoreStatus report) => report.Retention is not { } retention
        ? "none configured: nothing is deleted by age or size"
        : $"every {DurationFormatter.Format(report.RetentionInterval)}: {string.Join(", ", Limits(retention))}";

    private static IEnumerable<string> Limits(RetentionOptions retention)
    {
        if (retention.MaxAge is { } age)
        {
            yield return $"older than {DurationGrammar.Format(age)}";
        }

        if (retention.MaxSizeBytes is { } size)
        {
            yield return $"the oldest beyond {ByteSizeGrammar.Format(size)}";
        }
    }

    private static string LastRun(StoreStatus report, DateTimeOffset now) => report.LastRetention is not { } run
        ? "no retention run is recorded in this store (vigil serve records one each run when Retention is configured)"
        : $"{run.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z ({DurationFormatter.Format(now - run.At)} ago): {run.Summary}";

    private static string UntilFloor(StoreStatus report) => report.UntilFloor switch
    {
        null => "never at this rate (nothing written in the last day)",
        { } zero when zero == TimeSpan.Zero => "below the floor now: vigil serve refuses ingest",
        { } capped when capped.TotalDays >= StoreStatus.MaxDaysToFloor => "more than 100 years at this rate",
        { } time => $"{DurationFormatter.Format(time)} at this rate",
    };
}
