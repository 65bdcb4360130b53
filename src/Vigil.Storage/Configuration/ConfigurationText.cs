using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vigil.Storage.Configuration;

/// <summary>How configuration values appear in problem messages.</summary>
public static class ConfigurationText
{
    private const int MaxShownLength = 80;

    /// <summary>A text value as a message shows it: quoted, at most 80 characters, control characters escaped.</summary>
    /// <param name="text">The value.</param>
    /// <returns>The text to show.</returns>
    public static string Show(string? text)
    {
        text ??= string.Empty;
        if (text.Length > MaxShownLength)
        {
            text = string.Concat(text.AsSpan(0, MaxShownLength), "...");
        }

        // An escape sequence or a newline in a value must not reach a terminal as it is.
        return $"'{JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}'";
    }

    /// <summary>A number as a message shows it, in the invariant culture.</summary>
    /// <param name="number">The value.</param>
    /// <returns>The text to show.</returns>
    public static string Show(double number) => number.ToString(CultureInfo.InvariantCulture);
}
