using System.Globalization;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// <c>log-ceiling [records]</c>: the raw insert ceiling of log blocks (see <see cref="LogBlockCeiling"/>) with and
/// without their full-text rows and under FTS5 merge settings, to show where the insert's time goes.
/// </summary>
internal static class LogCeilingProbe
{
    public static int Run(string[] args)
    {
        var records = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 500_000;
        var directory = Path.Combine(Path.GetTempPath(), "vigil-log-ceiling-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "ceiling.db");
        Console.WriteLine($"# log block insert ceiling: {records:N0} records, batches of 1,000");
        Console.WriteLine("| variant | insert µs CPU/record | file bytes/record |");
        Console.WriteLine("|---|---:|---:|");
        try
        {
            foreach (var (name, setup, terms) in new (string, string?, bool)[]
            {
                ("blocks without terms (empty full-text rows)", null, false),
                ("blocks + terms, automerge 4 (FTS5 default)", "INSERT INTO log_blocks_fts (log_blocks_fts, rank) VALUES ('automerge', 4);", true),
                ("blocks + terms, automerge 8 (schema 9)", null, true),
                ("blocks + terms, automerge 16", "INSERT INTO log_blocks_fts (log_blocks_fts, rank) VALUES ('automerge', 16);", true),
            })
            {
                var result = LogBlockCeiling.Measure(path, new LoadData(records), records, 1000, setup, terms);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {result.InsertCpu.TotalMicroseconds / records:F2} | {new FileInfo(path).Length / (double)records:F1} |"));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }
}
