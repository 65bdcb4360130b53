using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;
using Vigil.Server.Api;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>
/// <c>vigil alerts</c>: firing and pending alerts (one per rule and label set), firing first; <c>--all</c> adds
/// resolved ones. Subcommands show history, acknowledge, and manage silences.
/// </summary>
internal sealed class AlertsCommand : Command, IHaveExamples
{
    private const int DefaultLimit = 100;

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly Option<bool> _all = new("--all") { Description = "Also list resolved alerts (default: firing and pending only)." };
    private readonly Option<string?> _rule = new("--rule") { Description = "Only alerts of this rule.", HelpName = "NAME" };
    private readonly Option<IReadOnlyList<LabelMatcher>> _match = ParsedOption.Repeated<LabelMatcher>(
        "--match", $"Only alerts whose labels match; repeat to require several ({LabelMatcherParser.Grammar}).", "MATCHER", LabelMatcherParser.TryParse);

    private readonly Option<int?> _limit = LimitOption.Create(DefaultLimit, "alerts");

    /// <summary>Creates the command and its subcommands.</summary>
    public AlertsCommand(CliContext context)
        : base("alerts", "List firing and pending alerts; show their history, acknowledge them, and silence them.")
    {
        _context = context;
        _store.AddTo(this);
        _format.AddTo(this);
        Options.Add(_all);
        Options.Add(_rule);
        Options.Add(_match);
        Options.Add(_limit);
        Subcommands.Add(new AlertHistoryCommand(context));
        Subcommands.Add(new AckAlertCommand(context));
        Subcommands.Add(new SilenceCommand(context));
        Subcommands.Add(new SilencesCommand(context));
        Subcommands.Add(new ExpireSilenceCommand(context));
        Subcommands.Add(new AlertRulesCommand(context));
        Subcommands.Add(new AlertReloadCommand(context));
        Subcommands.Add(new TestChannelCommand(context));
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil alerts                                 # firing, then pending, newest first",
        "vigil alerts --all --match service=shop      # resolved ones too, of one service",
        "vigil alerts ack 12 --comment \"on it\"        # stop escalation of alert 12",
        "vigil alerts silence --match service=shop --for 2h --comment \"deploy\"",
        "vigil alerts --json | jq .labels             # one JSON object per alert, as GET /api/alerts",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var query = new AlertQuery
        {
            States = parseResult.GetValue(_all) ? [AlertState.Firing, AlertState.Pending, AlertState.Resolved] : [],
            RuleName = parseResult.GetValue(_rule),
            Matchers = parseResult.GetValue(_match) ?? [],
            Limit = parseResult.GetValue(_limit) ?? DefaultLimit,
        };
        await using var store = _store.Open(parseResult, _context);
        var alerts = await store.QueryAlertsAsync(query, cancellationToken).ConfigureAwait(false);
        if (_format.IsJson(parseResult))
        {
            ContractJson.WriteLines(_context.Data, alerts.Select(a => a.ToApi()));
            return ExitCodes.Success;
        }

        if (alerts.Count == 0)
        {
            var filtered = query.RuleName is not null || query.Matchers.Count > 0;
            await _context.Stderr.WriteLineAsync(filtered ? "No alerts match." : parseResult.GetValue(_all) ? "No alerts." : "No alerts firing or pending (try --all).").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var palette = _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain;
        AlertTable.Write(_context, palette, alerts);
        return ExitCodes.Success;
    }
}
