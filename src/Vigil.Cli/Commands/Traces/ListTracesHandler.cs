using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Traces;

/// <summary>Lists traces, newest first: id, root span, service, spans, duration, status.</summary>
internal sealed class ListTracesHandler
{
    private readonly CliContext _context;
    private readonly IQueryStore _store;
    private readonly Palette _palette;
    private readonly bool _json;
    private readonly bool _relativeTime;

    /// <summary>Creates the handler.</summary>
    public ListTracesHandler(CliContext context, IQueryStore store, Palette palette, bool json, bool relativeTime)
    {
        _context = context;
        _store = store;
        _palette = palette;
        _json = json;
        _relativeTime = relativeTime;
    }

    /// <summary>Runs the query and writes the list.</summary>
    public async Task<int> RunAsync(TraceQuery query, CancellationToken cancellationToken)
    {
        var traces = await _store.QueryTracesAsync(query, cancellationToken).ConfigureAwait(false);
        if (_json)
        {
            WriteJson(traces);
            return ExitCodes.Success;
        }

        if (traces.Count == 0)
        {
            await _context.Stderr.WriteLineAsync("No traces yet.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var now = _context.Clock.GetUtcNow();
        var table = new TextTable("STARTED", "TRACE", "SERVICE", ">SPANS", ">DURATION", "STATUS", "ROOT");
        foreach (var trace in traces)
        {
            var started = _relativeTime ? RelativeTimeFormatter.Relative(trace.StartTime, now) : RelativeTimeFormatter.Local(trace.StartTime, _context.Clock);
            table.AddRow(
                (started, _palette.Dim),
                (trace.TraceId, _palette.Dim),
                (trace.ServiceName ?? "-", _palette.Service),
                (trace.SpanCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Spectre.Console.Style.Plain),
                (DurationFormatter.Format(trace.Duration), Spectre.Console.Style.Plain),
                trace.HasError ? ("error", _palette.Error) : ("ok", _palette.Ok),
                (trace.RootSpanName ?? "(root span not received)", Spectre.Console.Style.Plain));
        }

        table.Write(_context.Stdout, _palette);
        return ExitCodes.Success;
    }

    private void WriteJson(IReadOnlyList<TraceSummary> traces)
    {
        var lines = new JsonLines(_context.Data);
        foreach (var trace in traces)
        {
            lines.Write(json =>
            {
                json.WriteString("traceId", trace.TraceId);
                json.WriteString("rootSpanName", trace.RootSpanName);
                json.WriteString("service", trace.ServiceName);
                json.WriteNumber("spanCount", trace.SpanCount);
                json.WriteString("startTime", trace.StartTime);
                json.WriteNumber("durationMs", trace.Duration.TotalMilliseconds);
                json.WriteString("status", trace.HasError ? "error" : "ok");
            });
        }

        lines.Flush();
    }
}
