using System.CommandLine;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Options;

/// <summary>
/// <c>--since</c> and <c>--until</c>: a duration back from now (<c>15m</c>) or an ISO 8601
/// timestamp, measured against the injected clock so tests are deterministic.
/// </summary>
internal sealed class TimeRangeOptions
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan? _defaultSince;

    /// <summary>Creates both options; <paramref name="defaultSince"/> applies when <c>--since</c> is absent.</summary>
    public TimeRangeOptions(TimeProvider clock, TimeSpan? defaultSince = null)
    {
        _clock = clock;
        _defaultSince = defaultSince;
        var sinceDefault = defaultSince is { } d ? $" (default: {DurationFormatter.Format(d)})" : string.Empty;
        Since = ParsedOption.Single<DateTimeOffset>(
            "--since",
            $"Only what happened after this: a duration back from now (30s, 15m, 2h, 3d, 1w) or an ISO 8601 timestamp{sinceDefault}.",
            "WHEN",
            Parse);
        Until = ParsedOption.Single<DateTimeOffset>("--until", "Only what happened before this: a duration back from now or an ISO 8601 timestamp.", "WHEN", Parse);
    }

    /// <summary>The <c>--since</c> option.</summary>
    public Option<DateTimeOffset?> Since { get; }

    /// <summary>The <c>--until</c> option.</summary>
    public Option<DateTimeOffset?> Until { get; }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Since);
        command.Options.Add(Until);
    }

    /// <summary>The start of the range, applying the default.</summary>
    public DateTimeOffset? GetSince(ParseResult parseResult) =>
        parseResult.GetValue(Since) ?? (_defaultSince is { } d ? _clock.GetUtcNow() - d : null);

    /// <summary>The end of the range, if given.</summary>
    /// <exception cref="CliUsageException">The range is empty (<c>--until</c> not after <c>--since</c>).</exception>
    public DateTimeOffset? GetUntil(ParseResult parseResult)
    {
        var until = parseResult.GetValue(Until);
        if (until is { } u && GetSince(parseResult) is { } s && u <= s)
        {
            throw new CliUsageException("--until: must be later than --since");
        }

        return until;
    }

    private bool Parse(string text, out DateTimeOffset value, out string? error) =>
        TimePointParser.TryParse(text, _clock, out value, out error);
}
