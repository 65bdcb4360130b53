using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Commands.Serve;

/// <summary>
/// <c>vigil serve</c>: OTLP receivers (gRPC and HTTP) writing into the store, and the query port.
/// Runs until Ctrl-C or SIGTERM, then stores everything it acknowledged and exits 0.
/// </summary>
internal sealed class ServeCommand : Command, IHaveExamples
{
    /// <summary>The environment variable that supplies the API key when no option does.</summary>
    public const string ApiKeyEnvironmentVariable = ApiKeyOption.EnvironmentVariable;

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    // No DefaultValueFactory: the description says the default, and help would print it a second time.
    private readonly Option<string?> _bind = new("--bind")
    {
        Description = "The address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every interface).",
        HelpName = "ADDRESS",
    };

    private readonly ServerPortOptions _ports = new();
    private readonly ServerConfigOption _config = new();
    private readonly ApiKeyOption _apiKey = new();
    private readonly Option<bool> _readOnly = new("--read-only")
    {
        Description = "Answer queries only: the OTLP, Sentry and InfluxDB receivers refuse with 403, and this instance never leads alert evaluation, notification or probes (for extra query instances on a shared PostgreSQL store)",
    };

    private readonly Option<string?> _instance = new("--instance")
    {
        Description = "This instance's name among the servers on one database, as /metrics' vigil_leader and the leadership lines show it (default: host:pid)",
        HelpName = "NAME",
    };

    private readonly Option<bool> _mcpAllowWrites = new("--mcp-allow-writes")
    {
        Description = "Let the write tools of the MCP server on /mcp act (acknowledge, silence, error status); each write is recorded with who and when. Off by default.",
    };

    /// <summary>Creates the command.</summary>
    public ServeCommand(CliContext context)
        : base("serve", "Receive OTLP (gRPC and HTTP) from any OpenTelemetry SDK into the store and serve the query API.")
    {
        _context = context;
        _store.AddPathTo(this);
        Options.Add(_bind);
        _ports.AddTo(this);
        _apiKey.AddTo(this);
        _config.AddTo(this);
        Options.Add(_mcpAllowWrites);
        Options.Add(_readOnly);
        Options.Add(_instance);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil serve                                  # OTLP on 4317 (gRPC) and 4318 (HTTP), queries on 4320",
        "vigil serve --store /var/lib/vigil/vigil.db",
        "vigil serve --grpc-port 0 --otlp-port 0 --port 0   # free ports, printed at start-up",
        "VIGIL_API_KEY=s3cret vigil serve --bind 0.0.0.0    # reachable from other machines, key required",
        "vigil serve --bind 0.0.0.0 --api-key-file /run/secrets/vigil-key   # the key stays out of ps",
        "vigil serve --store postgres://vigil@db/vigil --read-only   # a query-only instance beside the writers",
        "vigil serve --config vigil.server.json       # with the synthetic probes it declares (see docs/server.md)",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = new VigilServerOptions
        {
            StorePath = _store.Resolve(parseResult, _context),
            Bind = parseResult.GetValue(_bind) ?? "127.0.0.1",
            ApiKey = _apiKey.Resolve(parseResult, _context),
            McpAllowWrites = parseResult.GetValue(_mcpAllowWrites),
            ReadOnly = parseResult.GetValue(_readOnly),
        };
        if (parseResult.GetValue(_instance) is { Length: > 0 } instance)
        {
            options.InstanceId = instance;
        }

        _ports.ApplyTo(parseResult, options);
        var configFile = _config.ApplyTo(parseResult, _context, options);

        await using var server = await ServerLifetime.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await WriteBannerAsync(server, options, configFile).ConfigureAwait(false);

        // Ctrl-C or SIGTERM: the normal way to stop.
        await ServerLifetime.WaitForStopAsync(cancellationToken).ConfigureAwait(false);
        await ServerLifetime.DrainAsync(server, _context.Stderr, "serve").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private async Task WriteBannerAsync(VigilServerApplication server, VigilServerOptions options, string? configFile)
    {
        var output = _context.Data;
        await output.WriteLineAsync($"vigil serve {VersionAction.InformationalVersion}").ConfigureAwait(false);
        await ServerLifetime.WriteListenersAsync(output, server, options).ConfigureAwait(false);
        await output.WriteLineAsync($"  API key    {(string.IsNullOrEmpty(options.ApiKey) ? "none" : "required")}").ConfigureAwait(false);
        await output.WriteLineAsync($"  MCP        /mcp on the query port, write tools {(options.McpAllowWrites ? "on" : "off")}").ConfigureAwait(false);
        if (options.ReadOnly)
        {
            await output.WriteLineAsync("  Role       read-only: queries only, ingest refused (403), never leads").ConfigureAwait(false);
        }
        else if (server.Services.GetService(typeof(Vigil.Storage.ILeaderElection)) is Vigil.Storage.ILeaderElection and not Vigil.Storage.AlwaysLeader)
        {
            await output.WriteLineAsync($"  Instance   {options.InstanceId}: leads when it holds the database's leader lock (printed when it changes; /metrics vigil_leader)").ConfigureAwait(false);
        }

        await ServerConfigOption.WriteProbesAsync(output, configFile, options.Probes).ConfigureAwait(false);
        await ErrorTrackingSummary.WriteAsync(output, options.ErrorTracking).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
        if (options.IsExposed() && string.IsNullOrEmpty(options.ApiKey))
        {
            await _context.Stderr.WriteLineAsync(
                $"vigil serve: warning: listening on {options.Bind}, reachable from other machines, with no API key: anyone who can reach it can write and read telemetry. Set ${ApiKeyEnvironmentVariable} or --api-key-file.").ConfigureAwait(false);
        }
    }
}
