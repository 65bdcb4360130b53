using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;

namespace Vigil.Cli.Commands.Health;

/// <summary>
/// <c>vigil health</c> for humans: one row per check or probe, then the overall status. With
/// <c>--watch</c> on a terminal each snapshot replaces the last; piped, each follows a separator line. A stale state
/// shows <c>stale</c>, styled as unhealthy, and says how long it has been silent and what it last reported.
/// </summary>
internal sealed class HealthTextOutput : IHealthOutput
{
    /// <summary>Opens each snapshot of <c>--watch</c> when the output is not a terminal.</summary>
    public const string SeparatorPrefix = "--- vigil health ";

    /// <summary>What the STATUS column says for a check or probe that stopped reporting.</summary>
    public const string StaleText = "stale";

    private readonly IAnsiConsole _console;
    private readonly Palette _palette;
    private readonly TimeProvider _clock;
    private readonly bool _terminal;

    /// <summary>Creates the output; <paramref name="terminal"/> when stdout is a terminal that can be redrawn.</summary>
    public HealthTextOutput(IAnsiConsole console, Palette palette, TimeProvider clock, bool terminal)
    {
        _console = console;
        _palette = palette;
        _clock = clock;
        _terminal = terminal;
    }

    /// <inheritdoc />
    public void Write(HealthSnapshot snapshot, bool watching)
    {
        var c = CultureInfo.InvariantCulture;
        // Redrawing needs both a terminal and ANSI (a legacy Windows console without it gets separators).
        var terminal = _terminal && _console.Profile.Capabilities.Ansi;
        if (watching && terminal)
        {
            _console.Clear(home: true);
        }
        else if (watching)
        {
            _console.Write(new StyledLine().Append(SeparatorPrefix + snapshot.Taken.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", c) + " ---", _palette.Dim));
        }

        if (snapshot.States.Count > 0)
        {
            var table = new TextTable("KIND", "SERVICE", "NAME", "STATUS", ">FOR", ">LAST", ">TOOK", "DESCRIPTION");
            foreach (var state in snapshot.States)
            {
                var latest = state.Latest;
                table.AddRow(
                    (HealthKindParser.Name(latest.Kind), _palette.Dim),
                    (latest.ServiceName ?? "-", _palette.Service),
                    (latest.Name, Style.Plain),
                    (state.IsStale ? StaleText : HealthLogRecord.StatusText(latest.Status), StatusStyle(state.Status)),
                    (StateAge(snapshot.Taken - state.Since), Style.Plain),
                    (RelativeTimeFormatter.Relative(latest.Timestamp, snapshot.Taken), _palette.Dim),
                    (DurationFormatter.Format(latest.Duration), Style.Plain),
                    (Describe(state, snapshot.Taken), state.Status == HealthStatus.Healthy ? _palette.Dim : Style.Plain));
            }

            table.Write(_console, _palette, _terminal ? _console.Profile.Width : null);
            _console.Write(new StyledLine());
        }

        var summary = new StyledLine().Append(HealthLogRecord.StatusText(snapshot.Overall), StatusStyle(snapshot.Overall));
        summary.Append(snapshot.States.Count == 0
            ? "  (no health checks or probes recorded)"
            : string.Create(c, $"  {snapshot.CountOf(HealthStatus.Healthy)} healthy, {snapshot.CountOf(HealthStatus.Degraded)} degraded, {snapshot.CountOf(HealthStatus.Unhealthy)} unhealthy")
                + (snapshot.StaleCount == 0 ? string.Empty : string.Create(c, $", {snapshot.StaleCount} {StaleText}")));
        if (watching)
        {
            summary.Append("  " + RelativeTimeFormatter.Local(snapshot.Taken, _clock), _palette.Dim);
        }

        _console.Write(summary);
    }

    private Style StatusStyle(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => _palette.Ok,
        HealthStatus.Degraded => _palette.Warning,
        _ => _palette.Error,
    };

    // Stale: how long it has been silent and what it said last, which is all that is known.
    // A probe that failed once under its threshold is still healthy; say what the attempt saw.
    private static string Describe(HealthState state, DateTimeOffset now)
    {
        var result = state.Latest;
        if (state.IsStale)
        {
            return $"no result for {StateAge(now - result.Timestamp)} (last: {HealthLogRecord.StatusText(result.Status)})";
        }

        var text = result.Description ?? string.Empty;
        var end = text.IndexOfAny(['\r', '\n']);
        text = end < 0 ? text : text[..end];
        if (result.Observed != result.Status)
        {
            text = $"last attempt {HealthLogRecord.StatusText(result.Observed)}" + (text.Length == 0 ? string.Empty : ": " + text);
        }

        return text.Length == 0 ? "-" : text;
    }

    /// <summary>How long a state has held, to the second: <c>29s</c>, <c>3m12s</c> (never negative across clocks).</summary>
    private static string StateAge(TimeSpan held) =>
        held < TimeSpan.FromSeconds(1) ? "0s" : DurationFormatter.Format(TimeSpan.FromSeconds(Math.Floor(held.TotalSeconds)));
}
