using System.Globalization;

namespace Vigil.Benchmarks.Ingest;

/// <summary>Command-line options of <c>ingest</c>.</summary>
internal sealed record IngestLoadOptions
{
    public int Clients { get; init; } = 8;

    public int RequestsPerClient { get; init; } = 200;

    /// <summary>Spans or log records per request.</summary>
    public int ItemsPerRequest { get; init; } = 100;

    /// <summary>Attributes on each span or log record.</summary>
    public int Attributes { get; init; } = 10;

    /// <summary>
    /// <c>traces</c>, <c>logs</c> or <c>all</c> (both); or one exception per item, <c>sentry</c> (Sentry envelopes, one
    /// event per request, so <c>--items 1</c>) or <c>errors</c> (the same exceptions as OTLP log records).
    /// </summary>
    public string Signal { get; init; } = "all";

    /// <summary><c>http</c>, <c>grpc</c> or <c>all</c>.</summary>
    public string Transport { get; init; } = "http";

    /// <summary><c>sqlite</c> (the real store), <c>null</c> (writes discarded: the server's own share) or <c>all</c>.</summary>
    public string Store { get; init; } = "all";

    /// <summary>For <c>--store postgres</c>: a connection string to the cluster's <c>postgres</c> database; each row gets a new database.</summary>
    public string? Postgres { get; init; }

    /// <summary>For <c>--store postgres</c>: how many server processes share the database (clients are split among them).</summary>
    public int Instances { get; init; } = 1;

    public string Directory { get; init; } = Path.Combine(Path.GetTempPath(), "vigil-ingest-bench");

    public IEnumerable<string> Signals => Signal == "all" ? ["traces", "logs"] : [Signal];

    public IEnumerable<string> Transports => Transport == "all" ? ["http", "grpc"] : [Transport];

    public IEnumerable<string> Stores => Store == "all" ? ["null", "sqlite"] : [Store];

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
                "--items" or "--spans" => options with { ItemsPerRequest = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--attributes" => options with { Attributes = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--signal" => options with { Signal = OneOf(Next(), "traces", "logs", "sentry", "errors", "all") },
                "--transport" => options with { Transport = OneOf(Next(), "http", "grpc", "all") },
                "--store" => options with { Store = OneOf(Next(), "sqlite", "null", "postgres", "all") },
                "--postgres" => options with { Postgres = Next() },
                "--instances" => options with { Instances = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--dir" => options with { Directory = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (options.Signal == "sentry" && (options.ItemsPerRequest != 1 || options.Transport != "http"))
        {
            throw new ArgumentException("--signal sentry: an envelope carries one event and Sentry has no gRPC; give --items 1 --transport http.");
        }

        return options;
    }

    private static string OneOf(string value, params string[] allowed) =>
        allowed.Contains(value) ? value : throw new ArgumentException($"'{value}' is not one of {string.Join(", ", allowed)}.");
}
