using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Errors;

/// <summary>Lists error groups, newest activity first, as a table or JSON lines.</summary>
internal sealed class ListErrorsHandler
{
    private const int MaxServicesWidth = 24;
    private const int MaxCulpritWidth = 48;

    private readonly CliContext _context;
    private readonly IQueryStore _store;
    private readonly Palette _palette;
    private readonly bool _json;
    private readonly bool _relativeTime;

    /// <summary>Creates the handler.</summary>
    public ListErrorsHandler(CliContext context, IQueryStore store, Palette palette, bool json, bool relativeTime)
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
        List<ErrorTableColumn> columns =
        [
            new(">ID", [.. groups.Select(g => (g.Id.ToString(CultureInfo.InvariantCulture), _palette.Header))]),
            new("STATUS", [.. groups.Select(g => ErrorGroupText.Status(g, _palette))]),
            new("SEVERITY", [.. groups.Select(g => ErrorGroupText.Severity(g, _palette, unicode))]),
            new(">EVENTS", [.. groups.Select(g => (g.Count.ToString(CultureInfo.InvariantCulture), Style.Plain))]),
            new("LAST SEEN", [.. groups.Select(g => (ErrorGroupText.Time(g.LastSeen, _context.Clock, _relativeTime), _palette.Dim))]),
            new("FIRST SEEN", [.. groups.Select(g => (ErrorGroupText.Time(g.FirstSeen, _context.Clock, _relativeTime), _palette.Dim))]),
            new("SERVICES", [.. groups.Select(g => (TruncateEnd(g.Services.Count == 0 ? "-" : string.Join(',', g.Services), MaxServicesWidth), _palette.Service))]),
            new(ErrorTableLayout.Culprit, [.. groups.Select(g => (TruncateStart(g.Culprit ?? "-", MaxCulpritWidth), _palette.Dim))]),
            new("ERROR", [.. groups.Select(g => (ErrorGroupText.Title(g), Style.Plain))]),
        ];

        // On a terminal the table fits its width (columns give way to the error, see ErrorTableLayout) and the
        // message is cut to it; piped output keeps whole lines for grep.
        int? width = _context.StdoutIsTerminal ? _context.Stdout.Profile.Width : null;
        if (width is { } fit)
        {
            ErrorTableLayout.Fit(columns, fit, ErrorTableLayout.ErrorTarget(groups.Select(g => g.Type), groups.Select(g => ErrorGroupText.Title(g))));
        }

        var table = new TextTable([.. columns.Select(c => c.Header)]);
        for (var row = 0; row < groups.Count; row++)
        {
            table.AddRow([.. columns.Select(c => c.Cells[row])]);
        }

        table.Write(_context.Stdout, _palette, width);
        return ExitCodes.Success;
    }

    private static string TruncateEnd(string text, int width) =>
        text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");

    // A culprit's most telling part is its end (Type.Method), so a long one loses its namespace.
    internal static string TruncateStart(string text, int width) =>
        text.Length <= width ? text : string.Concat("…", text.AsSpan(text.Length - width + 1));
}
