using Spectre.Console;

namespace Vigil.Cli.Commands.Errors;

/// <summary>One column of the <c>vigil errors</c> table: its header (<c>&gt;</c> for right-aligned) and a cell per group.</summary>
internal sealed record ErrorTableColumn(string Header, List<(string Text, Style Style)> Cells)
{
    /// <summary>The widest of the header and the cells.</summary>
    public int Width => Math.Max(Header.TrimStart('>').Length, Cells.Count == 0 ? 0 : Cells.Max(c => c.Text.Length));
}
