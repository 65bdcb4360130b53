using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Commands.Errors;

/// <summary><c>vigil errors show ID</c>: one group with its stack trace, hourly sparkline and latest events.</summary>
internal sealed class ShowErrorCommand : Command, IHaveExamples
{
    /// <summary>The default for <c>--hours</c>.</summary>
    public const int DefaultHours = 24;

    /// <summary>The default for <c>--events</c>.</summary>
    public const int DefaultEvents = 10;

    /// <summary>The most hours <c>--hours</c> accepts: 30 days, as far back as a sparkline stays readable.</summary>
    public const int MaxHours = 24 * 30;

    /// <summary>The most events <c>--events</c> accepts.</summary>
    public const int MaxEvents = 1000;

    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly Argument<long> _id = ErrorGroupIdArgument.Create();
    private readonly Option<int?> _hours = ParsedOption.Single<int>(
        "--hours", $"How many hours of history the sparkline covers (default: {DefaultHours}, at most {MaxHours}).", "N", (string text, out int value, out string? error) => TryParseAtMost(text, MaxHours, out value, out error));

    private readonly Option<int?> _events = ParsedOption.Single<int>(
        "--events", $"How many of the latest events to list (default: {DefaultEvents}, at most {MaxEvents}).", "N", (string text, out int value, out string? error) => TryParseAtMost(text, MaxEvents, out value, out error));

    private readonly Option<string> _time = TimeDisplayOption.Create();

    /// <summary>Creates the command.</summary>
    public ShowErrorCommand(CliContext context)
        : base("show", "Show one error group: type, message, culprit, status, severity, stack trace, an hourly sparkline and the latest events with their trace ids.")
    {
        _context = context;
        Arguments.Add(_id);
        _store.AddTo(this);
        _format.AddTo(this);
        Options.Add(_hours);
        Options.Add(_events);
        Options.Add(_time);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil errors show 12",
        "vigil errors show 12 --hours 72 --events 25  # three days of history, 25 latest events",
        "vigil errors show 12 --json | jq '.events[].traceId'",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = parseResult.GetValue(_id);
        var hours = parseResult.GetValue(_hours) ?? DefaultHours;
        var events = parseResult.GetValue(_events) ?? DefaultEvents;
        var palette = _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain;
        var relative = parseResult.GetValue(_time) != TimeDisplayOption.Local;
        await using var store = _store.Open(parseResult, _context);
        var detail = await store.GetErrorGroupAsync(id, hours, events, cancellationToken).ConfigureAwait(false);
        if (detail is null)
        {
            await _context.Stderr.WriteLineAsync($"vigil: error group {id} not found in the store (list them with `{_context.Runnable("vigil errors --status all")}`)").ConfigureAwait(false);
            return ExitCodes.NotFound;
        }

        if (_format.IsJson(parseResult))
        {
            ErrorDetailJson.Write(_context.Data, detail);
        }
        else
        {
            new ErrorDetailText(_context, palette, relative).Write(detail);
        }

        return ExitCodes.Success;
    }

    private static bool TryParseAtMost(string text, int max, out int value, out string? error)
    {
        if (!PositiveIntegerParser.TryParse(text, out value, out error))
        {
            return false;
        }

        error = value <= max ? null : $"'{text}' is too many (at most {max})";
        return error is null;
    }
}
