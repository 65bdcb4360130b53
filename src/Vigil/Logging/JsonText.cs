using System.Text.Json;

namespace Vigil.Logging;

/// <summary>
/// Writes app-supplied text into JSON. Utf8JsonWriter rejects UTF-16 with a lone surrogate
/// (half of an emoji cut by a substring, say) by throwing, which would lose the whole record,
/// so such text is repaired with U+FFFD first. Well-formed text, the normal case, is not copied.
/// </summary>
internal static class JsonText
{
    public static void WriteStringValue(Utf8JsonWriter writer, string value) =>
        writer.WriteStringValue(Repair(value));

    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string value) =>
        writer.WriteString(name, Repair(value));

    public static void WritePropertyName(Utf8JsonWriter writer, string name) =>
        writer.WritePropertyName(Repair(name));

    /// <summary><paramref name="value"/> itself when well formed, else a copy with each lone surrogate replaced.</summary>
    public static string Repair(string value)
    {
        var firstBad = IndexOfLoneSurrogate(value, 0);
        if (firstBad < 0)
        {
            return value;
        }

        return string.Create(value.Length, (value, firstBad), static (chars, state) =>
        {
            state.value.AsSpan().CopyTo(chars);
            for (var bad = state.firstBad; bad >= 0; bad = IndexOfLoneSurrogate(state.value, bad + 1))
            {
                chars[bad] = '\uFFFD';
            }
        });
    }

    private static int IndexOfLoneSurrogate(string value, int start)
    {
        var i = start;
        while (true)
        {
            // Vectorised jump to the next surrogate; most text has none.
            var offset = value.AsSpan(i).IndexOfAnyInRange('\uD800', '\uDFFF');
            if (offset < 0)
            {
                return -1;
            }

            i += offset;
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i += 2; // A proper pair.
                continue;
            }

            return i;
        }
    }
}
