using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Model;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>The table of <c>vigil alerts silences</c>: id, state, matchers, start, end, author, comment.</summary>
internal static class SilenceTable
{
    public static string State(SilenceState state) => state switch
    {
        SilenceState.Pending => "pending",
        SilenceState.Active => "active",
        _ => "expired",
    };

    public static void Write(CliContext context, Palette palette, IReadOnlyList<Silence> silences, DateTimeOffset now)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new TextTable(">ID", "STATE", "MATCHERS", "STARTS", "ENDS", "BY", "COMMENT");
        foreach (var silence in silences)
        {
            var state = silence.StateAt(now);
            table.AddRow(
                (silence.Id.ToString(c), palette.Header),
                (State(state), state switch { SilenceState.Active => palette.Warning, SilenceState.Pending => Style.Plain, _ => palette.Dim }),
                (string.Join(", ", silence.Matchers), palette.Service),
                (RelativeTimeFormatter.Relative(silence.StartsAt, now), palette.Dim),
                (RelativeTimeFormatter.Relative(silence.EndsAt, now), palette.Dim),
                (silence.CreatedBy, Style.Plain),
                (OneLine(silence.Comment), Style.Plain));
        }

        table.Write(context.Stdout, palette, context.StdoutIsTerminal ? context.Stdout.Profile.Width : null);
    }

    private static string OneLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : string.Concat(text.AsSpan(0, end), " …");
    }
}
