using System.CommandLine;
using Vigil.Alerting.Slos;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Server.Configuration;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Slo;

/// <summary>
/// <c>vigil slo</c>: each SLO of the server's configuration file with its attainment, error budget left and burn
/// rates, evaluated here against a store file (or, for metric indicators, a server's query API). The SLOs come from
/// the file <c>vigil serve</c> reads (same <c>--config</c> rules), so the numbers are the ones its alert rules see.
/// </summary>
internal sealed class SloCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly Option<string?> _config = new("--config")
    {
        Description = $"The server's configuration file whose Alerts:Slos are shown (default: ${ServerConfigurationLoader.EnvironmentVariable}, else ./{ServerConfigurationLoader.DefaultFileName}).",
        HelpName = "FILE",
    };

    private readonly Option<string?> _name = new("--name")
    {
        Description = "Only the SLO of this name.",
        HelpName = "NAME",
    };

    /// <summary>Creates the command.</summary>
    public SloCommand(CliContext context)
        : base(
            "slo",
            "Show each SLO's attainment over its window, its error budget left and its burn rates per alert window. Exit code: 0 shown, 1 no or bad configuration, 2 the store cannot be opened, 3 no SLO of that --name.")
    {
        _context = context;
        _store.AddTo(this);
        _format.AddTo(this);
        Options.Add(_config);
        Options.Add(_name);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil slo                                   # the SLOs of ./vigil.server.json over .vigil/vigil.db",
        "vigil slo --config shop.json --store shop.db",
        "vigil slo --name checkout-availability --json | jq .slos[0].budgetRemaining",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var slos = ReadSlos(parseResult);
        if (parseResult.GetValue(_name) is { } name)
        {
            slos = [.. slos.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))];
            if (slos.Count == 0)
            {
                await _context.Stderr.WriteLineAsync($"vigil: no SLO is named '{name}'; 'vigil slo' lists them").ConfigureAwait(false);
                return ExitCodes.NotFound;
            }
        }

        await using var store = _store.Open(parseResult, _context);
        var evaluator = new SloEvaluator(SloSources.From(store), _context.Clock);
        var statuses = new List<SloStatus>(slos.Count);
        foreach (var slo in slos)
        {
            try
            {
                statuses.Add(await evaluator.EvaluateAsync(slo, cancellationToken).ConfigureAwait(false));
            }
            catch (InvalidOperationException e) when (store is not ISpanCountReader)
            {
                throw new CliUsageException($"SLO '{slo.Name}': {e.Message} (use --store)");
            }
        }

        if (_format.IsJson(parseResult))
        {
            SloJsonOutput.Write(_context.Data, _context.Clock.GetUtcNow(), statuses);
        }
        else
        {
            SloTextOutput.Write(_context.Stdout, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, statuses);
        }

        return ExitCodes.Success;
    }

    private List<SloDefinition> ReadSlos(ParseResult parseResult)
    {
        var path = ServerConfigurationLoader.Locate(parseResult.GetValue(_config), _context.GetEnvironmentVariable, _context.CurrentDirectory)
            ?? throw new CliUsageException($"--config: no configuration file; give the server's (the one with Alerts:Slos), set ${ServerConfigurationLoader.EnvironmentVariable}, or run where ./{ServerConfigurationLoader.DefaultFileName} is (see docs/slo.md)");
        try
        {
            var configuration = ServerConfigurationLoader.Load(path);
            var slos = SloConfiguration.Build(configuration.Alerts);
            return slos.Count > 0
                ? [.. slos]
                : throw new CliUsageException($"{path}: declares no SLOs; add them under Alerts:Slos (see docs/slo.md)");
        }
        catch (ServerConfigurationException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
