using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Alerting.Budgets;
using Vigil.Alerting.Slos;
using Vigil.Cli.Commands.Serve;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Remote;
using Vigil.Mcp;
using Vigil.Model;
using Vigil.Server;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Mcp;

/// <summary>
/// <c>vigil mcp</c>: an MCP server over stdio on a store file, for an assistant that starts it as a subprocess. The
/// tools are the ones <c>vigil serve</c> answers on <c>/mcp</c> (<see cref="VigilMcpServiceCollectionExtensions"/>);
/// with <c>--server</c> it is that endpoint itself, bridged to stdio (<see cref="McpBridge"/>). stdout carries only
/// the protocol, so diagnostics go to stderr.
/// </summary>
internal sealed class McpCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly Option<bool> _allowWrites = new("--allow-writes")
    {
        Description = "Let the write tools act: acknowledge an alert, create a silence, resolve or ignore an error group. Each write is recorded (service vigil-mcp) with who and when. Off by default.",
    };

    private readonly ServerConfigOption _config = new("the SLOs (Alerts:Slos) list_slos evaluates; without a file, none");

    /// <summary>Creates the command.</summary>
    public McpCommand(CliContext context)
        : base("mcp", "Run an MCP server over stdio for an AI assistant: logs, traces, metrics, errors, health, alerts and SLOs of a store, as small structured answers.")
    {
        _context = context;
        _store.AddTo(this);
        _store.Path.Description = $"The store file to serve (default: ${StorePaths.EnvironmentVariable}, else {StorePaths.DefaultRelativePath}).";
        _store.Server.Description = $"Offer this Vigil server's own MCP endpoint (its /mcp, with its tools, SLOs and write setting) over stdio instead of a store file (default: ${StoreOption.ServerEnvironmentVariable}).";
        Options.Add(_allowWrites);
        _config.AddTo(this);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil mcp                                    # the store under .vigil/, read-only tools",
        "vigil mcp --store /var/lib/vigil/vigil.db --allow-writes",
        "vigil mcp --config vigil.server.json         # list_slos evaluates that file's SLOs",
        "vigil mcp --server http://127.0.0.1:4320     # a vigil serve's own /mcp, over stdio (key: --api-key or $VIGIL_API_KEY)",
        "claude mcp add vigil -- vigil mcp            # register it with an assistant (see docs/mcp.md)",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (_store.ResolveRemote(parseResult, _context) is { } remote)
        {
            return await BridgeAsync(parseResult, remote.Url, remote.ApiKey, cancellationToken).ConfigureAwait(false);
        }

        var allowWrites = parseResult.GetValue(_allowWrites);
        var path = _store.Resolve(parseResult, _context);

        // The configuration first: a named file that is missing or wrong is exit 1 before the store is opened.
        var configuration = _config.Read(parseResult, _context);
        var slos = configuration is { } file ? new SloCatalog(SloConfiguration.Build(file.Value.Alerts)) : SloCatalog.Empty;

        // Writes need a store opened for change (the audit record is a write too); reads never change the file.
        var opened = allowWrites ? _context.OpenStoreForChange(path) : _context.OpenStore(path);
        await using var disposeStore = opened.ConfigureAwait(false);
        if (opened is not ITelemetryStore store)
        {
            throw new InvalidOperationException($"the store at {path} does not offer every role the MCP tools read through");
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        LogToStderr(builder.Logging.ClearProviders());
        builder.Services.AddVigilStore(store);
        builder.Services.AddSingleton<ISloSource>(slos);

        // Budgets where the server with that configuration finds them, else where vigil budgets check looks.
        builder.Services.AddSingleton(configuration is { } withBudgets ? withBudgets.Value.Alerts.BudgetSource(withBudgets.Path) : new BudgetFileSource(_context.CurrentDirectory, null));
        builder.Services
            .AddVigilMcpServer(new VigilMcpOptions { AllowWrites = allowWrites, Transport = "stdio", Clock = _context.Clock })
            .WithStdioServerTransport();

        var sloText = configuration is { } found ? $"{slos.Slos.Count} SLO(s) of {found.Path}" : "no SLOs (no --config)";
        await _context.Stderr.WriteLineAsync($"vigil mcp: serving {path} over stdio, write tools {(allowWrites ? "on" : "off")}, {sloText}").ConfigureAwait(false);
        using var host = builder.Build();

        // The stdio transport stops the host when the client closes stdin; Ctrl-C or SIGTERM stop it too.
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private async Task<int> BridgeAsync(ParseResult parseResult, Uri server, string? apiKey, CancellationToken cancellationToken)
    {
        // What the tools may do and which SLOs they know is the server's configuration, not this process's.
        if (parseResult.GetValue(_allowWrites))
        {
            throw new CliUsageException("--allow-writes: with --server the server decides whether write tools act (vigil serve --mcp-allow-writes)");
        }

        if (_config.IsGiven(parseResult))
        {
            throw new CliUsageException("--config: with --server the server's own configuration holds its SLOs");
        }

        // One cheap read first, through the query client's own errors: an unreachable server or a refused key is
        // exit 2 with that message now, not a silent process an assistant cannot get an answer from.
        await using (var check = new HttpTelemetryStore(server, apiKey))
        {
            await check.QueryHealthAsync(new HealthQuery(), cancellationToken).ConfigureAwait(false);
        }

        var endpoint = new Uri(server, "mcp");
        await _context.Stderr.WriteLineAsync($"vigil mcp: offering {endpoint} over stdio (its tools, SLOs and write setting)").ConfigureAwait(false);
        using var loggers = LoggerFactory.Create(logging => LogToStderr(logging));
        await McpBridge.RunAsync(endpoint, apiKey, loggers, _context.Stderr, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    // stdout carries only the protocol: warnings and worse, all on stderr, in both modes.
    private static void LogToStderr(ILoggingBuilder logging) =>
        logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}
