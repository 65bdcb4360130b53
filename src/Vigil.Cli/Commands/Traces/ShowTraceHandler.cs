using System.Globalization;
using Vigil.Cli.Commands.Logs;
using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Traces;

/// <summary>
/// Shows one trace: its spans as a tree (indented by parent) with service, duration and a
/// waterfall bar for each span's place in time, then the trace's logs.
/// </summary>
internal sealed class ShowTraceHandler
{
    /// <summary>The width of the waterfall, in characters.</summary>
    public const int BarWidth = 32;

    /// <summary>The most log records shown under a trace.</summary>
    public const int MaxLogs = 1000;

    private const int MaxNameWidth = 48;

    private readonly CliContext _context;
    private readonly IQueryStore _store;
    private readonly Palette _palette;
    private readonly bool _json;
    private readonly bool _relativeTime;

    /// <summary>Creates the handler.</summary>
    public ShowTraceHandler(CliContext context, IQueryStore store, Palette palette, bool json, bool relativeTime)
    {
        _context = context;
        _store = store;
        _palette = palette;
        _json = json;
        _relativeTime = relativeTime;
    }

    /// <summary>
    /// Writes the trace of an id or a unique prefix of one; <see cref="ExitCodes.NotFound"/> when the store has no span of it.
    /// </summary>
    public async Task<int> RunAsync(string idOrPrefix, CancellationToken cancellationToken)
    {
        var traceId = await TraceIdResolver.ResolveAsync(_store, idOrPrefix, cancellationToken).ConfigureAwait(false);
        var spans = traceId is null ? [] : await _store.GetTraceAsync(traceId, cancellationToken).ConfigureAwait(false);
        if (traceId is null || spans.Count == 0)
        {
            await _context.Stderr.WriteLineAsync($"vigil: {TraceIdResolver.NotFound(idOrPrefix)}").ConfigureAwait(false);
            return ExitCodes.NotFound;
        }

        var logs = await _store.QueryLogsAsync(new LogQuery { TraceId = traceId, Limit = MaxLogs }, cancellationToken).ConfigureAwait(false);
        var tree = SpanTree.Flatten(spans);
        if (_json)
        {
            SpanJsonOutput.Write(_context.Data, tree);
            new LogJsonOutput(_context.Data, "log").Write(logs);
            return ExitCodes.Success;
        }

        WriteTree(traceId, tree);
        _context.Stdout.Write(new StyledLine());
        if (logs.Count == 0)
        {
            _context.Stdout.Write(new StyledLine().Append("No logs for this trace.", _palette.Dim));
        }
        else
        {
            _context.Stdout.Write(new StyledLine().Append($"Logs ({logs.Count})", _palette.Header));
            new LogTextOutput(_context.Stdout, _palette, _context.Clock, _relativeTime).Write(logs);
        }

        return ExitCodes.Success;
    }

    private void WriteTree(string traceId, IReadOnlyList<(SpanEntry Span, int Depth)> tree)
    {
        var start = tree.Min(t => t.Span.StartTime);
        var end = tree.Max(t => t.Span.EndTime);
        var total = end - start;
        var failed = tree.Count(t => t.Span.StatusCode == SpanStatusCode.Error);
        var block = _context.Stdout.Profile.Capabilities.Unicode ? WaterfallBar.Block : WaterfallBar.AsciiBlock;

        var summary = new StyledLine()
            .Append("Trace ", _palette.Header).Append(traceId, _palette.Header)
            .Append($"  {tree.Count} span{(tree.Count == 1 ? string.Empty : "s")}  {DurationFormatter.Format(total)}  ")
            .Append(_relativeTime ? RelativeTimeFormatter.Relative(start, _context.Clock.GetUtcNow()) : RelativeTimeFormatter.Local(start, _context.Clock), _palette.Dim);
        if (failed > 0)
        {
            summary.Append("  ").Append(string.Create(CultureInfo.InvariantCulture, $"{failed} failed"), _palette.Error);
        }

        _context.Stdout.Write(summary);
        _context.Stdout.Write(new StyledLine());

        var names = tree.Select(t => Truncate(new string(' ', 2 * t.Depth) + t.Span.Name, MaxNameWidth)).ToList();
        var services = tree.Select(t => t.Span.Resource.ServiceName ?? "-").ToList();
        var durations = tree.Select(t => DurationFormatter.Format(t.Span.Duration)).ToList();
        var nameWidth = Math.Max("SPAN".Length, names.Max(n => n.Length));
        var serviceWidth = Math.Max("SERVICE".Length, services.Max(s => s.Length));
        var durationWidth = Math.Max("DURATION".Length, durations.Max(d => d.Length));

        _context.Stdout.Write(new StyledLine()
            .AppendPadded("SPAN", nameWidth, _palette.Header).Append("  ")
            .AppendPadded("SERVICE", serviceWidth, _palette.Header).Append("  ")
            .AppendPadded("DURATION", durationWidth, _palette.Header, alignRight: true).Append("  ")
            .AppendPadded("TIMELINE", BarWidth + 2, _palette.Header).Append("  ")
            .Append("STATUS", _palette.Header));
        for (var i = 0; i < tree.Count; i++)
        {
            var span = tree[i].Span;
            var error = span.StatusCode == SpanStatusCode.Error;
            var status = error ? "error" + (span.StatusMessage is { Length: > 0 } m ? ": " + m : string.Empty) : span.StatusCode == SpanStatusCode.Ok ? "ok" : string.Empty;
            _context.Stdout.Write(new StyledLine()
                .AppendPadded(names[i], nameWidth, error ? _palette.Error : Spectre.Console.Style.Plain).Append("  ")
                .AppendPadded(services[i], serviceWidth, _palette.Service).Append("  ")
                .AppendPadded(durations[i], durationWidth, alignRight: true).Append("  ")
                .Append("|", _palette.Dim)
                .Append(WaterfallBar.Draw(start, total, span.StartTime, span.Duration, BarWidth, block), error ? _palette.Error : _palette.Bar)
                .Append("|", _palette.Dim)
                .Append(status.Length == 0 ? string.Empty : "  " + status, error ? _palette.Error : _palette.Ok));
        }
    }

    private static string Truncate(string text, int width) =>
        text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");
}
