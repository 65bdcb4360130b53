using Spectre.Console;

namespace Vigil.Cli.Output;

/// <summary>
/// Aligned columns for human output, written line by line as <see cref="StyledLine"/>s so
/// nothing wraps. The last column is not padded (it holds the long text).
/// </summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _alignRight;
    private readonly List<(string Text, Style Style)[]> _rows = [];

    /// <summary>Creates a table; a header starting with <c>&gt;</c> makes its column right-aligned.</summary>
    public TextTable(params string[] headers)
    {
        _alignRight = [.. headers.Select(h => h.StartsWith('>'))];
        _headers = [.. headers.Select(h => h.TrimStart('>'))];
    }

    /// <summary>Adds a row of cells, one per header.</summary>
    public void AddRow(params (string Text, Style Style)[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"Expected {_headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>
    /// Writes the header and every row; with <paramref name="maxWidth"/> (a terminal's width) the
    /// last column is cut with an ellipsis so no row wraps.
    /// </summary>
    public void Write(IAnsiConsole console, Palette palette, int? maxWidth = null)
    {
        var widths = new int[_headers.Length];
        for (var column = 0; column < _headers.Length; column++)
        {
            widths[column] = Math.Max(_headers[column].Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[column].Text.Length));
        }

        // Room left for the last column after the others and their two-space gaps.
        var room = maxWidth is { } max ? Math.Max(8, max - widths[..^1].Sum() - (2 * (widths.Length - 1))) : int.MaxValue;
        console.Write(Line(_headers.Select(h => (h, palette.Header)).ToArray(), widths));
        foreach (var row in _rows)
        {
            var last = row[^1];
            if (last.Text.Length > room)
            {
                row[^1] = (string.Concat(last.Text.AsSpan(0, room - 1), "…"), last.Style);
            }

            console.Write(Line(row, widths));
        }
    }

    private StyledLine Line((string Text, Style Style)[] cells, int[] widths)
    {
        var line = new StyledLine();
        for (var column = 0; column < cells.Length; column++)
        {
            var last = column == cells.Length - 1;
            if (last && !_alignRight[column])
            {
                line.Append(cells[column].Text, cells[column].Style);
            }
            else
            {
                line.AppendPadded(cells[column].Text, widths[column], cells[column].Style, _alignRight[column]);
            }

            if (!last)
            {
                line.Append("  ");
            }
        }

        return line;
    }
}
