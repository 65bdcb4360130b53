using System.Globalization;
using System.Text;

namespace Vigil.Logging;

/// <summary>
/// Renders a Microsoft.Extensions.Logging message template (<c>"Paid {Amount:0.00} by {User}"</c>) from
/// a record's properties. Needed when redaction replaces a property after the logging framework
/// already rendered the message with the secret in it.
/// </summary>
internal static class MessageTemplateRenderer
{
    public static string Render(string template, IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        var output = new StringBuilder(template.Length + 32);
        var position = 0;
        var holeIndex = 0;
        while (position < template.Length)
        {
            var c = template[position];
            if (c == '{' && position + 1 < template.Length && template[position + 1] == '{')
            {
                output.Append('{');
                position += 2;
            }
            else if (c == '}' && position + 1 < template.Length && template[position + 1] == '}')
            {
                output.Append('}');
                position += 2;
            }
            else if (c == '{' && template.IndexOf('}', position + 1) is var close && close > position)
            {
                AppendHole(output, template.AsSpan(position + 1, close - position - 1), properties, holeIndex++);
                position = close + 1;
            }
            else
            {
                output.Append(c);
                position++;
            }
        }

        return output.ToString();
    }

    private static void AppendHole(StringBuilder output, ReadOnlySpan<char> hole, IReadOnlyList<KeyValuePair<string, object?>> properties, int holeIndex)
    {
        var formatStart = hole.IndexOf(':');
        var format = formatStart >= 0 ? hole[(formatStart + 1)..].ToString() : null;
        var nameAndAlignment = formatStart >= 0 ? hole[..formatStart] : hole;
        var comma = nameAndAlignment.IndexOf(',');
        var name = (comma >= 0 ? nameAndAlignment[..comma] : nameAndAlignment).Trim().ToString();
        var alignment = comma >= 0 && int.TryParse(nameAndAlignment[(comma + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? a : 0;

        // Properties are matched by name; positional templates ({0}) fall back to order.
        object? value = null;
        var found = false;
        foreach (var property in properties)
        {
            if (property.Key == name)
            {
                value = property.Value;
                found = true;
                break;
            }
        }

        if (!found && holeIndex < properties.Count && properties[holeIndex].Key != "{OriginalFormat}")
        {
            value = properties[holeIndex].Value;
        }

        var text = value switch
        {
            null => "(null)",
            IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        output.Append(alignment >= 0 ? text.PadLeft(alignment) : text.PadRight(-alignment));
    }
}
