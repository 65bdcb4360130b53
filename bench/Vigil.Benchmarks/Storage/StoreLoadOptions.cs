using System.Globalization;

namespace Vigil.Benchmarks.Storage;

/// <summary>Command-line options of <c>store</c>.</summary>
internal sealed record StoreLoadOptions
{
    public long Records { get; init; } = 1_000_000;

    public int Processes { get; init; } = 4;

    public int BatchSize { get; init; } = 1_000;

    public int QueryRuns { get; init; } = 20;

    /// <summary>Records written into a throwaway store before the measured write, so the JIT has compiled the write path.</summary>
    public long WarmUpRecords { get; init; } = 50_000;

    public string Directory { get; init; } = Path.Combine(Path.GetTempPath(), "vigil-store-bench");

    public bool Keep { get; init; }

    /// <summary>Measure the PostgreSQL engine instead: a connection string to the cluster's <c>postgres</c> database; each store is a new database.</summary>
    public string? Postgres { get; init; }

    public bool SkipMultiProcess { get; init; }

    /// <summary>Set in a child process: write this many records into <see cref="ChildPath"/> and exit.</summary>
    public string? ChildPath { get; init; }

    public int ChildId { get; init; }

    public static StoreLoadOptions Parse(string[] args)
    {
        var options = new StoreLoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--records" => options with { Records = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--processes" => options with { Processes = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--batch-size" => options with { BatchSize = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--warm-up" => options with { WarmUpRecords = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--query-runs" => options with { QueryRuns = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--dir" => options with { Directory = Next() },
                "--keep" => options with { Keep = true },
                "--postgres" => options with { Postgres = Next() },
                "--skip-multi-process" => options with { SkipMultiProcess = true },
                "--child" => options with { ChildPath = Next() },
                "--child-id" => options with { ChildId = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --records N --processes P --batch-size B --query-runs R --dir PATH --keep --skip-multi-process --postgres CONNECTION"),
            };
        }

        return options;
    }
}
