using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;

namespace Vigil.Cli.Commands.Errors;

/// <summary>
/// <c>vigil errors show</c> for humans: a heading, one labelled line per field, the hourly
/// sparkline, the representative stack trace and the latest events.
/// </summary>
internal sealed class ErrorDetailText
{
    private const int LabelWidth = 10;

    // Tab stops in a stack's text, as most terminals and editors set them.
    private const int TabWidth = 4;

    private readonly CliContext _context;
    private readonly IAnsiConsole _console;
    private readonly Palette _palette;
    private readonly bool _relativeTime;

    /// <summary>Creates the output.</summary>
    public ErrorDetailText(CliContext context, Palette palette, bool relativeTime)
    {
        _context = context;
        _console = context.Stdout;
        _palette = palette;
        _relativeTime = relativeTime;
    }

    /// <summary>Writes <paramref name="detail"/>.</summary>
    public void Write(ErrorGroupDetail detail)
    {
        var group = detail.Group;
        var c = CultureInfo.InvariantCulture;
        var unicode = _console.Profile.Capabilities.Unicode;
        _console.Write(new StyledLine().Append(string.Create(c, $"#{group.Id}  "), _palette.Header).Append(ErrorGroupText.Title(group), _palette.Error));
        Field("Culprit", group.Culprit ?? "-");
        var status = ErrorGroupText.Status(group, _palette);
        Field("Status", ErrorGroupText.State(group, _context.Clock) + (group.IsRegression ? " (a new event reopened it after it was resolved)" : string.Empty), status.Style);
        var severity = ErrorGroupText.Severity(group, _palette, unicode);
        var raised = group.SeverityRaised ? $" (raised from {ErrorNames.Severity(group.BaseSeverity)}: its rate in the last hour spikes)" : string.Empty;
        Field("Severity", severity.Text + raised, severity.Style);
        Field("Events", string.Create(c, $"{group.Count}   first seen {ErrorGroupText.Time(group.FirstSeen, _context.Clock, _relativeTime)}   last seen {ErrorGroupText.Time(group.LastSeen, _context.Clock, _relativeTime)}"));
        Field("Services", group.Services.Count == 0 ? "-" : string.Join(", ", group.Services), _palette.Service);
        Field("Releases", group.Releases.Count == 0 ? "-" : string.Join(", ", group.Releases));
        WriteSparkline(detail.HourlyCounts, unicode);
        WriteStackTrace(group);
        WriteEvents(detail.LatestEvents);
    }

    private void Field(string label, string value, Style? style = null) =>
        _console.Write(new StyledLine().AppendPadded(label, LabelWidth, _palette.Dim).Append(value, style));

    private void WriteSparkline(IReadOnlyList<ErrorHourlyCount> hours, bool unicode)
    {
        var counts = hours.Select(h => h.Count).ToList();
        var c = CultureInfo.InvariantCulture;
        var label = string.Create(c, $"Last {counts.Count}h");
        var line = new StyledLine().AppendPadded(label, LabelWidth, _palette.Dim);
        if (counts.Count == 0)
        {
            _console.Write(line.Append("-"));
            return;
        }

        line.Append(Sparkline.Draw(counts, unicode ? Sparkline.Bars : Sparkline.AsciiBars), _palette.Bar)
            .Append(string.Create(c, $"  max {counts.Max()}/h  total {counts.Sum()}"), _palette.Dim);
        _console.Write(line);
    }

    private void WriteStackTrace(ErrorGroup group)
    {
        _console.Write(new StyledLine());
        if (string.IsNullOrWhiteSpace(group.StackTrace))
        {
            _console.Write(new StyledLine().Append("No stack trace was recorded.", _palette.Dim));
            return;
        }

        _console.Write(new StyledLine().Append("Stack trace", _palette.Header));
        // The text as recorded: blank lines part a chained Python traceback, and Java and Go indent frames with tabs,
        // which a terminal would otherwise get as one space each (StyledLine blanks control characters).
        foreach (var line in group.StackTrace.TrimEnd().Split('\n'))
        {
            _console.Write(new StyledLine().Append("  ").Append(ExpandTabs(line.TrimEnd('\r')), _palette.Dim));
        }
    }

    private static string ExpandTabs(string line)
    {
        if (!line.Contains('\t', StringComparison.Ordinal))
        {
            return line;
        }

        var expanded = new System.Text.StringBuilder(line.Length + 8);
        foreach (var c in line)
        {
            if (c == '\t')
            {
                expanded.Append(' ', TabWidth - (expanded.Length % TabWidth));
            }
            else
            {
                expanded.Append(c);
            }
        }

        return expanded.ToString();
    }

    private void WriteEvents(IReadOnlyList<ErrorEvent> events)
    {
        _console.Write(new StyledLine());
        if (events.Count == 0)
        {
            _console.Write(new StyledLine().Append("No events kept (retention may have removed them).", _palette.Dim));
            return;
        }

        _console.Write(new StyledLine().Append(string.Create(CultureInfo.InvariantCulture, $"Latest events ({events.Count})"), _palette.Header));
        var table = new TextTable("TIME", "SERVICE", "RELEASE", "TRACE");
        foreach (var e in events)
        {
            table.AddRow(
                (ErrorGroupText.Time(e.Timestamp, _context.Clock, _relativeTime), _palette.Dim),
                (e.ServiceName ?? "-", _palette.Service),
                (e.Release ?? "-", Style.Plain),
                (e.TraceId ?? "-", _palette.Dim));
        }

        table.Write(_console, _palette);
        if (events.Any(e => e.TraceId is not null))
        {
            _console.Write(new StyledLine());
            _console.Write(new StyledLine().Append("Open a trace with: " + _context.Runnable("vigil traces TRACEID"), _palette.Dim));
        }
    }
}
