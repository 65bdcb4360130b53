using System.Globalization;

namespace Vigil.Benchmarks.Alerts;

/// <summary>Command-line options of <c>alerts</c>.</summary>
internal sealed record AlertBenchOptions
{
    public int Logs { get; init; } = 1_000_000;

    public int Series { get; init; } = 10_000;

    public int Rules { get; init; } = 1_000;

    public int Rounds { get; init; } = 10;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(15);

    public string Directory { get; init; } = Path.Combine(Path.GetTempPath(), "vigil-alerts-bench");

    /// <summary>Keep the store for the next run (the data is the same for the same options).</summary>
    public bool Keep { get; init; }

    public static AlertBenchOptions Parse(string[] args)
    {
        var options = new AlertBenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--logs" => options with { Logs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--series" => options with { Series = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rules" => options with { Rules = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rounds" => options with { Rounds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--dir" => options with { Directory = Next() },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --logs N --series N --rules N --rounds N --dir PATH --keep"),
            };
        }

        return options;
    }
}
