using Spectre.Console;
using Spectre.Console.Rendering;

namespace Vigil.Cli.Output;

/// <summary>
/// One line of styled text that Spectre writes as it is. Spectre's own widgets wrap at the
/// console width (80 columns when piped), which would break lines that scripts grep.
/// </summary>
internal sealed class StyledLine : IRenderable
{
    private readonly List<Segment> _segments = [];

    /// <summary>Appends <paramref name="text"/> in <paramref name="style"/>.</summary>
    public StyledLine Append(string text, Style? style = null)
    {
        if (text.Length > 0)
        {
            // Control characters in stored data must not reach the terminal as escape sequences.
            _segments.Add(new Segment(Sanitize(text), style ?? Style.Plain));
        }

        return this;
    }

    /// <summary>Appends <paramref name="text"/> padded on the right to <paramref name="width"/>.</summary>
    public StyledLine AppendPadded(string text, int width, Style? style = null, bool alignRight = false)
    {
        var padding = new string(' ', Math.Max(0, width - text.Length));
        return alignRight ? Append(padding).Append(text, style) : Append(text, style).Append(padding);
    }

    /// <inheritdoc />
    public Measurement Measure(RenderOptions options, int maxWidth)
    {
        var length = _segments.Sum(s => s.Text.Length);
        return new Measurement(length, length);
    }

    /// <inheritdoc />
    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        foreach (var segment in _segments)
        {
            yield return segment;
        }

        yield return Segment.LineBreak;
    }

    private static string Sanitize(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }
}
