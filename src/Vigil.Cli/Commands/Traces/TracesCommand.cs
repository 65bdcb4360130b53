using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;

namespace Vigil.Cli.Commands.Traces;

/// <summary>
/// <c>vigil traces</c> lists recent traces; <c>vigil traces ID</c> shows one trace as a span
/// tree with a waterfall, then its logs.
/// </summary>
internal sealed class TracesCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly TimeRangeOptions _range;
    private readonly Argument<string?> _traceId = new("ID")
    {
        Description = "A trace id (32 hex digits), or a unique start of one (4 digits or more, as log lines show it): show that trace instead of the list.",
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (TraceIdParser.TryParse(text, out var id, out var error))
            {
                return id;
            }

            result.AddError($"ID: {error}");
            return null;
        },
    };

    private readonly Option<string?> _service = ServiceOption.Create();
    private readonly Option<string?> _root = new("--root")
    {
        Description = "Only traces whose root span has exactly this name: the runs of one operation.",
        HelpName = "NAME",
    };

    private readonly Option<TimeSpan?> _minDuration = ParsedOption.Single<TimeSpan>(
        "--min-duration", "Only traces that took at least this long (250ms, 2s, 1m).", "DURATION", DurationParser.TryParse);

    private readonly Option<bool> _errors = new("--errors") { Description = "Only traces with at least one failed span." };
    private readonly Option<int?> _limit = LimitOption.Create(TraceQuery.DefaultLimit, "traces");
    private readonly Option<string> _time = TimeDisplayOption.Create();

    /// <summary>Creates the command.</summary>
    public TracesCommand(CliContext context)
        : base("traces", "List recent traces, or show one trace's spans as a waterfall followed by its logs.")
    {
        _context = context;
        _range = new TimeRangeOptions(context.Clock);
        Arguments.Add(_traceId);
        _store.AddTo(this);
        _format.AddTo(this);
        _range.AddTo(this);
        Options.Add(_service);
        Options.Add(_root);
        Options.Add(_minDuration);
        Options.Add(_errors);
        Options.Add(_limit);
        Options.Add(_time);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil traces                                  # the 50 most recent traces",
        "vigil traces --errors --since 1h              # failed traces of the last hour",
        "vigil traces --since 2h --until 1h            # traces that started between two and one hours ago",
        "vigil traces --service checkout --min-duration 250ms",
        "vigil traces --root 'GET /checkout' --since 1d  # the runs of one operation",
        "vigil traces 4bf92f3577b34da6a3ce929d0e0e4736  # the span tree and logs of one trace",
        "vigil traces 4bf92f35                         # the same, by the short id a log line shows",
        "vigil traces --json | jq .traceId",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var palette = _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain;
        var json = _format.IsJson(parseResult);
        var relative = parseResult.GetValue(_time) != TimeDisplayOption.Local;
        await using var store = _store.Open(parseResult, _context);
        if (parseResult.GetValue(_traceId) is { } traceId)
        {
            return await new ShowTraceHandler(_context, store, palette, json, relative).RunAsync(traceId, cancellationToken).ConfigureAwait(false);
        }

        var query = new TraceQuery
        {
            ServiceName = parseResult.GetValue(_service),
            RootName = parseResult.GetValue(_root),
            From = _range.GetSince(parseResult),
            To = _range.GetUntil(parseResult),
            MinDuration = parseResult.GetValue(_minDuration),
            ErrorsOnly = parseResult.GetValue(_errors),
            Limit = parseResult.GetValue(_limit) ?? TraceQuery.DefaultLimit,
        };
        return await new ListTracesHandler(_context, store, palette, json, relative).RunAsync(query, cancellationToken).ConfigureAwait(false);
    }
}
