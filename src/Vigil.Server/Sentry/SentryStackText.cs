using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Server.Sentry;

/// <summary>
/// Writes a Sentry event's exception chain as the text .NET's <c>Exception.ToString()</c> gives, the text an OTLP
/// exporter sends as <c>exception.stacktrace</c>. The one fingerprinter (Vigil.Grouping) then reads a Sentry event
/// and an OTLP exception of the same failure alike, so both land in one group. Sentry lists exceptions innermost
/// first and frames caller first; .NET's text names the outermost first and the throwing frame first.
/// </summary>
internal static class SentryStackText
{
    /// <summary>The outermost exception's type and value, and the whole chain as text; null when the event has no exception.</summary>
    public static (string Type, string? Message, string Text)? Write(JsonElement sentryEvent)
    {
        var chain = SentryJson.Values(sentryEvent, "exception").Where(e => e.ValueKind == JsonValueKind.Object).ToList();
        if (chain.Count == 0)
        {
            return null;
        }

        chain.Reverse();
        var text = new StringBuilder();
        for (var i = 0; i < chain.Count; i++)
        {
            if (i > 0)
            {
                text.Append(" ---> ");
            }

            text.Append(TypeOf(chain[i]));
            if (SentryJson.Text(chain[i], "value") is { } value)
            {
                text.Append(": ").Append(OneLine(value));
            }
        }

        text.Append('\n');
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            AppendFrames(text, chain[i]);
            if (i > 0)
            {
                text.Append("   --- End of inner exception stack trace ---\n");
            }
        }

        return (TypeOf(chain[0]), SentryJson.Text(chain[0], "value"), text.ToString().TrimEnd('\n'));
    }

    private static string TypeOf(JsonElement exception)
    {
        var type = OneLine(SentryJson.Text(exception, "type") ?? "Error");

        // Other platforms send the module apart (Python: "module": "myapp.errors", "type": "PaymentError").
        return SentryJson.Text(exception, "module") is { } module && !type.Contains('.', StringComparison.Ordinal) && module.Contains('.', StringComparison.Ordinal)
            && !module.Contains(',', StringComparison.Ordinal)
            ? OneLine(module) + "." + type
            : type;
    }

    private static void AppendFrames(StringBuilder text, JsonElement exception)
    {
        var frames = SentryJson.Values(SentryJson.Object(exception, "stacktrace") ?? default, "frames").Where(f => f.ValueKind == JsonValueKind.Object).ToList();
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            var frame = frames[i];
            text.Append("   at ").Append(SentryFrameName.Of(frame)).Append("()");
            var file = SentryJson.Text(frame, "abs_path") ?? SentryJson.Text(frame, "filename");
            if (file is not null)
            {
                text.Append(" in ").Append(OneLine(file));
                if (frame.TryGetProperty("lineno", out var line) && line.ValueKind == JsonValueKind.Number && line.TryGetInt32(out var number))
                {
                    text.Append(":line ").Append(number.ToString(CultureInfo.InvariantCulture));
                }
            }

            text.Append('\n');
        }
    }

    // A newline inside a value would start a line the parser reads as a frame or a header.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
