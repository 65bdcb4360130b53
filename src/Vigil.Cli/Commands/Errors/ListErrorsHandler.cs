using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Errors;

/// <summary>Lists error groups, newest activity first, as a table or JSON lines.</summary>
internal sealed class ListErrorsHandler
{
    private const int MaxServicesWidth = 24;
    private const int MaxCulpritWidth = 48;

    private readonly CliContext _context;
    private readonly ITelemetryStore _store;
    private readonly Palette _palette;
    private readonly bool _json;
    private readonly bool _relativeTime;

    /// <summary>Creates the handler.</summary>
    public ListErrorsHandler(CliContext context, ITelemetryStore store, Palette palette, bool json, bool relativeTime)
    {
        _context = context;
        _store = store;
        _palette = palette;
        _json = json;
        _relativeTime = relativeTime;
    }

    /// <summary>Runs the query and writes the list; <paramref name="filtered"/> only changes the hint for an empty result.</summary>
    public async Task<int> RunAsync(ErrorGroupQuery query, bool filtered, CancellationToken cancellationToken)
    {
        var groups = await _store.QueryErrorGroupsAsync(query, cancellationToken).ConfigureAwait(false);
        if (_json)
        {
            var lines = new JsonLines(_context.Data);
            foreach (var group in groups)
            {
                lines.Write(json => ErrorGroupJson.WriteProperties(json, group));
            }

            lines.Flush();
            return ExitCodes.Success;
        }

        if (groups.Count == 0)
        {
            var hint = filtered ? "No error groups match." : "No unresolved errors (try --status all).";
            await _context.Stderr.WriteLineAsync(hint).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var unicode = _context.Stdout.Profile.Capabilities.Unicode;
        var table = new TextTable(">ID", "STATUS", "SEVERITY", ">EVENTS", "LAST SEEN", "FIRST SEEN", "SERVICES", "CULPRIT", "ERROR");
        foreach (var group in groups)
        {
            table.AddRow(
                (group.Id.ToString(CultureInfo.InvariantCulture), _palette.Header),
                ErrorGroupText.Status(group, _palette),
                ErrorGroupText.Severity(group, _palette, unicode),
                (group.Count.ToString(CultureInfo.InvariantCulture), Style.Plain),
                (ErrorGroupText.Time(group.LastSeen, _context.Clock, _relativeTime), _palette.Dim),
                (ErrorGroupText.Time(group.FirstSeen, _context.Clock, _relativeTime), _palette.Dim),
                (TruncateEnd(group.Services.Count == 0 ? "-" : string.Join(',', group.Services), MaxServicesWidth), _palette.Service),
                (TruncateStart(group.Culprit ?? "-", MaxCulpritWidth), _palette.Dim),
                (ErrorGroupText.Title(group), Style.Plain));
        }

        // On a terminal the message is cut to the width; piped output keeps whole lines for grep.
        table.Write(_context.Stdout, _palette, _context.StdoutIsTerminal ? _context.Stdout.Profile.Width : null);
        return ExitCodes.Success;
    }

    private static string TruncateEnd(string text, int width) =>
        text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");

    // A culprit's most telling part is its end (Type.Method), so a long one loses its namespace.
    private static string TruncateStart(string text, int width) =>
        text.Length <= width ? text : string.Concat("…", text.AsSpan(text.Length - width + 1));
}
