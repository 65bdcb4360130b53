using System.CommandLine;
using Vigil.Cli.Help;
using Vigil.Cli.Options;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Logs;

namespace Vigil.Cli.Commands.Logs;

/// <summary><c>vigil logs</c>: recent log records, newest last; <c>--follow</c> streams new ones.</summary>
internal sealed class LogsCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly StoreOption _store = new();
    private readonly OutputFormatOption _format = new();
    private readonly TimeRangeOptions _range;
    private readonly Option<string?> _service = ServiceOption.Create();
    private readonly Option<CliLogLevel?> _level = ParsedOption.Single<CliLogLevel>(
        "--level", $"Only records at this level or above: {LevelParser.Accepted}.", "LEVEL", ParseLevel);
    private readonly Option<string?> _grep = new("--grep", "-g") { Description = "Only records whose message contains these words (indexed text search, case-insensitive).", HelpName = "TEXT" };
    private readonly Option<string?> _trace = TraceIdOption.Create();
    private readonly Option<IReadOnlyList<KeyValuePair<string, string>>> _where = ParsedOption.Repeated<KeyValuePair<string, string>>(
        "--where", "Only records with this attribute value (key=value); repeat to require several.", "KEY=VALUE", AttributeFilterParser.TryParse);
    private readonly Option<int?> _limit = LimitOption.Create(LogQuery.DefaultLimit, "records");
    private readonly Option<bool> _follow = new("--follow", "-f") { Description = "Keep running and print new records as they arrive, until Ctrl-C." };
    private readonly Option<bool> _patterns = new("--patterns", "-p")
    {
        Description = $"Group the newest matching records (--limit of them, {LogPatterns.DefaultRecords} unless given) by message template, or by the message with its numbers and ids masked, and count each.",
    };
    private readonly Option<string> _time = TimeDisplayOption.Create();

    /// <summary>Creates the command.</summary>
    public LogsCommand(CliContext context)
        : base("logs", "Show recent log records, newest last, or follow new ones as they arrive.")
    {
        _context = context;
        _range = new TimeRangeOptions(context.Clock);
        _store.AddTo(this);
        _format.AddTo(this);
        _range.AddTo(this);
        Options.Add(_service);
        Options.Add(_level);
        Options.Add(_grep);
        Options.Add(_trace);
        Options.Add(_where);
        Options.Add(_limit);
        Options.Add(_follow);
        Options.Add(_patterns);
        Options.Add(_time);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil logs                                   # the last 100 records",
        "vigil logs --since 15m --level warn          # warnings and worse from the last 15 minutes",
        "vigil logs --service orders --grep \"payment declined\"",
        "vigil logs --where http.route=/orders --where tenant=acme",
        "vigil logs --trace 4bf92f3577b34da6a3ce929d0e0e4736",
        "vigil logs --follow                          # stream new records until Ctrl-C",
        "vigil logs --patterns --since 1h             # the hour's records grouped by message, largest first",
        "vigil logs --json | jq .body                 # one JSON object per line",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var follow = parseResult.GetValue(_follow);
        if (follow && _range.GetUntil(parseResult) is not null)
        {
            throw new CliUsageException("--follow: cannot be combined with --until (following waits for records that have not happened yet)");
        }

        var patterns = parseResult.GetValue(_patterns);
        if (patterns && follow)
        {
            throw new CliUsageException("--patterns: cannot be combined with --follow (patterns count the records read once)");
        }

        var query = new LogQuery
        {
            ServiceName = parseResult.GetValue(_service),
            MinimumSeverity = parseResult.GetValue(_level) is { } level ? (int)level : null,
            From = _range.GetSince(parseResult),
            To = _range.GetUntil(parseResult),
            Text = parseResult.GetValue(_grep) is { Length: > 0 } grep ? grep : null,
            TraceId = parseResult.GetValue(_trace),
            Attributes = parseResult.GetValue(_where) ?? [],
            Limit = parseResult.GetValue(_limit) ?? LogQuery.DefaultLimit,
        };
        if (patterns && parseResult.GetResult(_limit) is not { Implicit: false })
        {
            query = query with { Limit = LogPatterns.DefaultRecords };
        }

        var json = _format.IsJson(parseResult);
        ILogOutput output = json
            ? new LogJsonOutput(_context.Data)
            : new LogTextOutput(_context.Stdout, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, _context.Clock, RelativeTimes(parseResult, follow));

        await using var store = _store.Open(parseResult, _context);
        if (query.TraceId is { } trace)
        {
            // A short id from a log line stands for the one stored trace it starts.
            query = query with { TraceId = await TraceIdResolver.ResolveAsync(store, trace, cancellationToken).ConfigureAwait(false) };
            if (query.TraceId is null)
            {
                await _context.Stderr.WriteLineAsync($"vigil: {TraceIdResolver.NotFound(trace)}").ConfigureAwait(false);
                return ExitCodes.NotFound;
            }
        }

        if (patterns)
        {
            return await WritePatternsAsync(store, query, json, parseResult, cancellationToken).ConfigureAwait(false);
        }

        var entries = await store.QueryLogsAsync(query, cancellationToken).ConfigureAwait(false);
        output.Write(entries);

        if (entries.Count == 0 && !json)
        {
            await _context.Stderr.WriteLineAsync(follow ? "No matching logs yet; waiting for new records (Ctrl-C to stop)." : "No logs yet.").ConfigureAwait(false);
        }

        if (!follow)
        {
            return ExitCodes.Success;
        }

        var cursor = entries.Count == 0 ? 0 : entries.Max(e => e.Sequence);
        var follower = new LogFollower(store, output, _context.Clock, _context.FollowPollInterval);
        await follower.RunAsync(query, cursor, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    // The newest --limit records (a page back from past every sequence), grouped as the dashboard groups them.
    private async Task<int> WritePatternsAsync(ITelemetryReader store, LogQuery query, bool json, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var entries = await store.QueryLogsAsync(query with { BeforeSequence = long.MaxValue }, cancellationToken).ConfigureAwait(false);
        var groups = LogPatterns.Group(entries, int.MaxValue);
        var complete = entries.Count < query.Limit;
        if (json)
        {
            LogPatternOutput.WriteJson(_context.Data, groups);
        }
        else if (entries.Count == 0)
        {
            await _context.Stderr.WriteLineAsync("No logs yet.").ConfigureAwait(false);
        }
        else
        {
            LogPatternOutput.WriteText(_context.Stdout, _format.UseColor(parseResult, _context) ? Palette.Color : Palette.Plain, groups, entries.Count, complete);
        }

        return ExitCodes.Success;
    }

    // Followed lines stay on screen while "3s ago" goes stale, so --follow prints clock times unless --time says otherwise.
    private bool RelativeTimes(ParseResult parseResult, bool follow)
    {
        var given = parseResult.GetResult(_time) is { Implicit: false };
        return (given || !follow) && parseResult.GetValue(_time) != TimeDisplayOption.Local;
    }

    private static bool ParseLevel(string text, out CliLogLevel level, out string? error)
    {
        var ok = LevelParser.TryParse(text, out level);
        error = ok ? null : $"'{text}' is not a level (use {LevelParser.Accepted})";
        return ok;
    }
}
