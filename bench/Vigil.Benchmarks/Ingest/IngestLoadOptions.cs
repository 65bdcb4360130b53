using System.Globalization;

namespace Vigil.Benchmarks.Ingest;

/// <summary>Command-line options of <c>ingest</c>.</summary>
internal sealed record IngestLoadOptions
{
    public int Clients { get; init; } = 8;

    public int RequestsPerClient { get; init; } = 200;

    public int SpansPerRequest { get; init; } = 100;

    public string Directory { get; init; } = Path.Combine(Path.GetTempPath(), "vigil-ingest-bench");

    public static IngestLoadOptions Parse(string[] args)
    {
        var options = new IngestLoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--clients" => options with { Clients = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--requests" => options with { RequestsPerClient = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--spans" => options with { SpansPerRequest = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--dir" => options with { Directory = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }
}
