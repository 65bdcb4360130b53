using System.CommandLine;
using Vigil.Alerting.Slos;
using Vigil.Api.Contracts.V1;
using Vigil.Cli.Commands.Alerts;
using Vigil.Cli.Commands.Serve;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Remote;
using Vigil.Server.Api;
using Vigil.Server.Configuration;

namespace Vigil.Cli.Commands.Slo;

/// <summary>
/// <c>vigil slo</c>: each SLO with its attainment, error budget left and burn rates. On a store file, the SLOs come
/// from the file <c>vigil serve</c> reads (same <c>--config</c> rules) and are evaluated here, so the numbers are the
/// ones its alert rules see; with <c>--server</c>, the server evaluates its own SLOs (<c>GET /api/slos</c>). Both
/// give the same JSON: the API's <see cref="ApiSlo"/>, one per line.
/// </summary>
internal sealed class SloCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly ServerConfigOption _config = new("the SLOs (Alerts:Slos) to show");

    private readonly Option<string?> _name = new("--name")
    {
        Description = "Only the SLO of this name.",
        HelpName = "NAME",
    };

    /// <summary>Creates the command.</summary>
    public SloCommand(CliContext context)
        : base(
            "slo",
            "Show each SLO's attainment over its window, its error budget left and its burn rates per alert window. With --server, the server's own SLOs. Exit code: 0 shown, 1 no or bad configuration, 2 the store or server cannot be read, 3 no SLO of that --name.")
    {
        _context = context;
        _store.AddTo(this);
        _format.AddTo(this);
        _config.AddTo(this);
        Options.Add(_name);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil slo                                   # the SLOs of ./vigil.server.json over .vigil/vigil.db",
        "vigil slo --config shop.json --store shop.db",
        "vigil slo --name checkout-availability --json | jq .budgetRemaining",
        "vigil slo --server http://127.0.0.1:4320    # the SLOs a running server evaluates",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var name = parseResult.GetValue(_name);
        var slos = _store.NamesServer(parseResult, _context)
            ? await FromServerAsync(parseResult, name, cancellationToken).ConfigureAwait(false)
            : await FromStoreAsync(parseResult, name, cancellationToken).ConfigureAwait(false);
        if (slos is null)
        {
            return ExitCodes.NotFound;
        }

        if (_format.IsJson(parseResult))
        {
            ContractJson.WriteLines(_context.Data, slos);
        }
        else
        {
            SloTextOutput.Write(_context.Stdout, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, slos);
        }

        return ExitCodes.Success;
    }

    /// <summary>The SLOs of the configuration file, evaluated here against the store file; null when none has that name.</summary>
    private async Task<IReadOnlyList<ApiSlo>?> FromStoreAsync(ParseResult parseResult, string? name, CancellationToken cancellationToken)
    {
        // The configuration first: a bad one is exit 1 whether or not the store opens.
        var slos = ReadSlos(parseResult);
        if (name is not null)
        {
            slos = [.. slos.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))];
            if (slos.Count == 0)
            {
                await _context.Stderr.WriteLineAsync($"vigil: no SLO is named '{name}'; '{_context.Runnable("vigil slo")}' lists them").ConfigureAwait(false);
                return null;
            }
        }

        await using var store = _store.Open(parseResult, _context);
        var evaluator = new SloEvaluator(SloSources.From(store), _context.Clock);
        var statuses = new List<ApiSlo>(slos.Count);
        foreach (var slo in slos)
        {
            statuses.Add((await evaluator.EvaluateAsync(slo, cancellationToken).ConfigureAwait(false)).ToApi());
        }

        return statuses;
    }

    /// <summary>The server's own SLOs, evaluated by it against its store; null when none has that name.</summary>
    private async Task<IReadOnlyList<ApiSlo>?> FromServerAsync(ParseResult parseResult, string? name, CancellationToken cancellationToken)
    {
        if (_config.IsGiven(parseResult))
        {
            throw new CliUsageException("--config: with --server the server's own SLOs are shown (those of the file it was started with); drop --config, or drop --server to evaluate a file's SLOs against a store file");
        }

        await using var server = (HttpTelemetryStore)_store.Open(parseResult, _context);
        if (name is null)
        {
            return await server.GetSlosAsync(cancellationToken).ConfigureAwait(false);
        }

        if (await server.GetSloAsync(name, cancellationToken).ConfigureAwait(false) is { } slo)
        {
            return [slo];
        }

        await _context.Stderr.WriteLineAsync($"vigil: the server at {server.Location} has no SLO named '{name}'; '{_context.Runnable($"vigil slo --server {server.Location}")}' lists them").ConfigureAwait(false);
        return null;
    }

    private List<SloDefinition> ReadSlos(ParseResult parseResult)
    {
        var (path, configuration) = _config.Read(parseResult, _context)
            ?? throw new CliUsageException($"--config: no configuration file; give the server's (the one with Alerts:Slos), set ${ServerConfigurationLoader.EnvironmentVariable}, or run where ./{ServerConfigurationLoader.DefaultFileName} is (see docs/slo.md)");
        var slos = SloConfiguration.Build(configuration.Alerts);
        return slos.Count > 0
            ? [.. slos]
            : throw new CliUsageException($"{path}: declares no SLOs; add them under Alerts:Slos (see docs/slo.md)");
    }
}
