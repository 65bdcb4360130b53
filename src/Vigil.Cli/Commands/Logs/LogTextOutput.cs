using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Model;

namespace Vigil.Cli.Commands.Logs;

/// <summary>
/// Aligned columns for humans: time, level, service, short trace id, message; an exception's
/// type, message and stack trace beneath its record.
/// </summary>
internal sealed class LogTextOutput : ILogOutput
{
    /// <summary>Trace ids are shortened to this many hex digits: enough to tell traces apart on screen.</summary>
    public const int ShortTraceIdLength = 8;

    private const int MaxServiceWidth = 24;

    private readonly IAnsiConsole _console;
    private readonly Palette _palette;
    private readonly TimeProvider _clock;
    private readonly bool _relativeTime;
    private int _serviceWidth;

    /// <summary>Creates the output.</summary>
    public LogTextOutput(IAnsiConsole console, Palette palette, TimeProvider clock, bool relativeTime)
    {
        _console = console;
        _palette = palette;
        _clock = clock;
        _relativeTime = relativeTime;
    }

    /// <inheritdoc />
    public void Write(IReadOnlyList<LogEntry> entries)
    {
        // The service column only ever widens, so lines written while following stay aligned.
        foreach (var entry in entries)
        {
            _serviceWidth = Math.Min(MaxServiceWidth, Math.Max(_serviceWidth, (entry.Resource.ServiceName ?? "-").Length));
        }

        var now = _clock.GetUtcNow();
        var times = entries.Select(e => _relativeTime ? RelativeTimeFormatter.Relative(e.Timestamp, now) : RelativeTimeFormatter.Local(e.Timestamp, _clock)).ToList();
        var timeWidth = times.Count == 0 ? 0 : times.Max(t => t.Length);
        for (var i = 0; i < entries.Count; i++)
        {
            WriteEntry(entries[i], times[i], timeWidth);
        }
    }

    private void WriteEntry(LogEntry entry, string time, int timeWidth)
    {
        var service = entry.Resource.ServiceName ?? "-";
        if (service.Length > _serviceWidth)
        {
            service = string.Concat(service.AsSpan(0, _serviceWidth - 1), "…");
        }

        var traceId = entry.TraceId is { Length: >= ShortTraceIdLength } id ? id[..ShortTraceIdLength] : "-";
        var line = new StyledLine()
            .AppendPadded(time, timeWidth, _palette.Dim).Append("  ")
            .AppendPadded(LevelNames.Short(entry.SeverityNumber), LevelNames.Width, _palette.Level(entry.SeverityNumber)).Append("  ")
            .AppendPadded(service, _serviceWidth, _palette.Service).Append("  ")
            .AppendPadded(traceId, ShortTraceIdLength, _palette.Dim).Append("  ")
            .Append(entry.Body ?? entry.EventName ?? string.Empty);
        _console.Write(line);

        if (entry.ExceptionType is null && entry.ExceptionMessage is null && entry.ExceptionStackTrace is null)
        {
            return;
        }

        var heading = entry.ExceptionType is null ? entry.ExceptionMessage : $"{entry.ExceptionType}: {entry.ExceptionMessage}";
        if (!string.IsNullOrEmpty(heading))
        {
            _console.Write(new StyledLine().Append("    ").Append(heading, _palette.Error));
        }

        // .NET's exception.stacktrace (Exception.ToString()) opens with the same "Type: message" line.
        var frames = (entry.ExceptionStackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // OpenTelemetry's .NET exporter sends the short type name, the stack trace the full one.
        foreach (var frame in frames.SkipWhile((line, index) => index == 0 && (line == heading || line.EndsWith("." + heading, StringComparison.Ordinal))))
        {
            _console.Write(new StyledLine().Append("      ").Append(frame, _palette.Dim));
        }
    }
}
