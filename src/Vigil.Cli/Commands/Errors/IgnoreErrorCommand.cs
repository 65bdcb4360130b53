using System.CommandLine;
using Vigil.Cli.Options;
using Vigil.Cli.Parsing;
using Vigil.Model;

namespace Vigil.Cli.Commands.Errors;

/// <summary>
/// <c>vigil errors ignore ID</c>: silence a group, for ever, for N more events, or until a time;
/// past its limit a new event makes it unresolved again.
/// </summary>
internal sealed class IgnoreErrorCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly ErrorStatusChanger _changer;
    private readonly Option<int?> _forEvents = ParsedOption.Single<int>(
        "--for-events", "Ignore it for this many more events: the last of them makes it unresolved again.", "N", PositiveIntegerParser.TryParse);

    private readonly Option<DateTimeOffset?> _until;

    /// <summary>Creates the command.</summary>
    public IgnoreErrorCommand(CliContext context)
        : base("ignore", "Ignore an error group: for ever, for a number of events (--for-events) or until a time (--until).")
    {
        _context = context;
        _until = ParsedOption.Single<DateTimeOffset>(
            "--until",
            "Ignore it until this time: a duration from now (30m, 2h, 3d) or an ISO 8601 timestamp; after it, a new event makes it unresolved again.",
            "WHEN",
            (string text, out DateTimeOffset value, out string? error) => FutureTimePointParser.TryParse(text, _context.Clock, out value, out error));
        _changer = new ErrorStatusChanger(context);
        _changer.AddTo(this);
        Options.Add(_forEvents);
        Options.Add(_until);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil errors ignore 12                       # for ever (until reopened)",
        "vigil errors ignore 12 --for-events 100      # until 100 more events arrive",
        "vigil errors ignore 12 --until 2h            # for two hours from now",
        "vigil errors ignore 12 --until 2026-12-01T09:00:00Z",
    ];

    private Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var forEvents = parseResult.GetValue(_forEvents);
        var until = parseResult.GetValue(_until);

        // One limit keeps the promise simple; "whichever comes first" is easy to mistake for "both".
        if (forEvents is not null && until is not null)
        {
            throw new CliUsageException("--for-events: cannot be combined with --until (choose one limit)");
        }

        var change = new ErrorStatusChange { Status = ErrorGroupStatus.Ignored, IgnoreForEvents = forEvents, IgnoreUntil = until };
        return _changer.ApplyAsync(parseResult, change, cancellationToken);
    }
}
