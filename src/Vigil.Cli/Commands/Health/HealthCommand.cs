using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;

namespace Vigil.Cli.Commands.Health;

/// <summary>
/// <c>vigil health</c>: the current state of every health check (run in applications) and probe (run
/// by the server). The exit code is the worst status: 0 healthy, 1 degraded, 2 unhealthy; a check or probe that
/// stopped reporting (stale) counts as unhealthy, so a dead process never reads healthy.
/// </summary>
internal sealed class HealthCommand : Command, IHaveExamples
{
    /// <summary>The default for <c>--interval</c>.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>How far back <c>--history</c> reads without <c>--since</c>.</summary>
    public static readonly TimeSpan DefaultHistoryRange = TimeSpan.FromHours(1);

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly Option<string?> _service = ServiceOption.Create();
    private readonly Option<HealthSourceKind?> _kind = ParsedOption.Single<HealthSourceKind>(
        "--kind", "Only checks (run in applications) or only probes (run by vigil serve): check or probe.", "KIND", HealthKindParser.TryParse);

    private readonly Option<TimeSpan?> _staleAfter = ParsedOption.Single<TimeSpan>(
        "--stale-after",
        $"Count a check or probe as stale (unhealthy) once its latest result is older than this: 90s, 5m (default: {HealthStaleness.MissedRuns} of its own intervals; never for a sender that does not say its interval).",
        "DURATION",
        DurationParser.TryParse);

    private readonly Option<bool> _watch = new("--watch", "-w")
    {
        Description = "Keep running and show the state again every --interval, until Ctrl-C; the exit code is the last state's.",
    };

    private readonly Option<TimeSpan?> _interval = ParsedOption.Single<TimeSpan>(
        "--interval", $"How often --watch reads the state again: 500ms, 10s, 1m (default: {DurationFormatter.Format(DefaultInterval)}).", "DURATION", DurationParser.TryParse);

    private readonly Option<bool> _history = new("--history")
    {
        Description = $"Show each check's and probe's recent results instead of its state: counts by status and a strip of results, oldest first (. healthy, d degraded, X unhealthy). With --since/--until (default: the last {DurationFormatter.Format(DefaultHistoryRange)}) and --limit results per check (default {HealthHistoryQuery.DefaultPerCheck}).",
    };

    private readonly Option<string?> _name = new("--name")
    {
        Description = "With --history: only the check or probe of this name.",
        HelpName = "NAME",
    };

    private readonly Option<int?> _limit = ParsedOption.Single<int>(
        "--limit", $"With --history: at most this many results per check, its newest (default: {HealthHistoryQuery.DefaultPerCheck}).", "N", PositiveIntegerParser.TryParse);

    private readonly TimeRangeOptions _range;

    /// <summary>Creates the command.</summary>
    public HealthCommand(CliContext context)
        : base(
            "health",
            "Show the current state of every health check and probe. Exit code: 0 all healthy, 1 any degraded, 2 any unhealthy or stale (also 2 when the store cannot be opened).")
    {
        _context = context;
        _range = new TimeRangeOptions(context.Clock, DefaultHistoryRange);
        _store.AddTo(this);
        _format.AddTo(this);
        Options.Add(_service);
        Options.Add(_kind);
        Options.Add(_staleAfter);
        Options.Add(_watch);
        Options.Add(_interval);
        Options.Add(_history);
        Options.Add(_name);
        Options.Add(_limit);
        _range.AddTo(this);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil health                                 # every check and probe; exit code 0, 1 or 2",
        "vigil health --service orders --kind check",
        "vigil health --watch --interval 10s          # redraw every 10 seconds until Ctrl-C",
        "vigil health --json | jq -r .status",
        "vigil health --stale-after 2m                # stale (exit 2) when a check has not reported for 2 minutes",
        "vigil health --server http://127.0.0.1:4320 || echo \"not healthy\"",
        "vigil health --history --since 6h           # each check's results over six hours",
        "vigil health --history --name payments-api --json | jq '.results[0]'",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(_history))
        {
            return await ShowHistoryAsync(parseResult, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (option, given) in new (string, bool)[]
        {
            ("--name", parseResult.GetValue(_name) is not null),
            ("--limit", parseResult.GetValue(_limit) is not null),
            ("--since", parseResult.GetValue(_range.Since) is not null),
            ("--until", parseResult.GetValue(_range.Until) is not null),
        })
        {
            if (given)
            {
                throw new CliUsageException($"{option}: only applies with --history");
            }
        }

        var watch = parseResult.GetValue(_watch);
        var interval = parseResult.GetValue(_interval);
        if (interval is not null && !watch)
        {
            throw new CliUsageException("--interval: only applies with --watch");
        }

        var query = new HealthQuery
        {
            ServiceName = parseResult.GetValue(_service),
            Kind = parseResult.GetValue(_kind),
            StaleAfter = parseResult.GetValue(_staleAfter),
        };
        IHealthOutput output = _format.IsJson(parseResult)
            ? new HealthJsonOutput(_context.Data)
            : new HealthTextOutput(_context.Stdout, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, _context.Clock, _context.StdoutIsTerminal);
        await using var store = _store.Open(parseResult, _context);
        var watcher = new HealthWatcher(store, output, _context, query);
        return watch
            ? await watcher.WatchAsync(interval ?? DefaultInterval, cancellationToken).ConfigureAwait(false)
            : await watcher.ShowAsync(watching: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> ShowHistoryAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(_watch) || parseResult.GetValue(_interval) is not null || parseResult.GetValue(_staleAfter) is not null)
        {
            throw new CliUsageException("--history: shows recorded results, so --watch, --interval and --stale-after do not apply");
        }

        var query = new HealthHistoryQuery
        {
            ServiceName = parseResult.GetValue(_service),
            Kind = parseResult.GetValue(_kind),
            Name = parseResult.GetValue(_name),
            From = _range.GetSince(parseResult),
            To = _range.GetUntil(parseResult),
            PerCheck = parseResult.GetValue(_limit) ?? HealthHistoryQuery.DefaultPerCheck,
        };
        await using var store = _store.Open(parseResult, _context);
        var histories = await store.QueryHealthHistoryAsync(query, cancellationToken).ConfigureAwait(false);
        if (_format.IsJson(parseResult))
        {
            HealthHistoryOutput.WriteJson(_context.Data, histories);
        }
        else
        {
            HealthHistoryOutput.WriteText(_context.Stdout, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, histories);
        }

        return ExitCodes.Success;
    }
}
