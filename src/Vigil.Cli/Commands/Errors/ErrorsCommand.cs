using System.CommandLine;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;

namespace Vigil.Cli.Commands.Errors;

/// <summary>
/// <c>vigil errors</c>: error groups (exceptions grouped by cause), newest activity first; unresolved
/// ones unless <c>--status</c> says otherwise. Subcommands show one group and change its status.
/// </summary>
internal sealed class ErrorsCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly TimeRangeOptions _range;
    private readonly Option<string?> _service = ServiceOption.Create();
    private readonly Option<ErrorStatusFilter?> _status = ParsedOption.Single<ErrorStatusFilter>(
        "--status", $"Only groups with this status: {ErrorNames.AcceptedStatuses} (default: unresolved, which includes regressions).", "STATUS", ErrorNames.TryParseStatus);

    private readonly Option<ErrorSeverity?> _severity = ParsedOption.Single<ErrorSeverity>(
        "--severity", $"Only groups at this severity or above: {ErrorNames.AcceptedSeverities}.", "SEVERITY", ErrorNames.TryParseSeverity);

    private readonly Option<int?> _limit = LimitOption.Create(ErrorGroupQuery.DefaultLimit, "groups");
    private readonly Option<string> _time = TimeDisplayOption.Create();

    /// <summary>Creates the command and its subcommands.</summary>
    public ErrorsCommand(CliContext context)
        : base("errors", "List error groups (exceptions grouped by cause), newest activity first; show one, or resolve, ignore or reopen it.")
    {
        _context = context;
        _range = new TimeRangeOptions(context.Clock);
        _store.AddTo(this);
        _format.AddTo(this);
        _range.AddTo(this);
        Options.Add(_service);
        Options.Add(_status);
        Options.Add(_severity);
        Options.Add(_limit);
        Options.Add(_time);
        Subcommands.Add(new ShowErrorCommand(context));
        Subcommands.Add(new ResolveErrorCommand(context));
        Subcommands.Add(new IgnoreErrorCommand(context));
        Subcommands.Add(new ReopenErrorCommand(context));
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil errors                                 # unresolved groups, most recently seen first",
        "vigil errors --since 1h --severity high      # high and critical groups seen in the last hour",
        "vigil errors --service checkout --status all",
        "vigil errors show 12                         # one group: stack, hourly sparkline, latest events",
        "vigil errors resolve 12 --in-next-release",
        "vigil errors --json | jq .id                 # one JSON object per group",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var status = parseResult.GetValue(_status) ?? ErrorStatusFilter.Unresolved;
        var query = new ErrorGroupQuery
        {
            ServiceName = parseResult.GetValue(_service),
            From = _range.GetSince(parseResult),
            To = _range.GetUntil(parseResult),
            Status = status switch
            {
                ErrorStatusFilter.Resolved => ErrorGroupStatus.Resolved,
                ErrorStatusFilter.Ignored => ErrorGroupStatus.Ignored,
                ErrorStatusFilter.All => null,
                _ => ErrorGroupStatus.Unresolved,
            },
            MinimumSeverity = parseResult.GetValue(_severity),
            Limit = parseResult.GetValue(_limit) ?? ErrorGroupQuery.DefaultLimit,
        };
        var filtered = query.ServiceName is not null || query.From is not null || query.To is not null || query.MinimumSeverity is not null || status != ErrorStatusFilter.Unresolved;
        var palette = _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain;
        var relative = parseResult.GetValue(_time) != TimeDisplayOption.Local;
        await using var store = _store.Open(parseResult, _context);
        return await new ListErrorsHandler(_context, store, palette, _format.IsJson(parseResult), relative)
            .RunAsync(query, filtered, cancellationToken).ConfigureAwait(false);
    }
}
