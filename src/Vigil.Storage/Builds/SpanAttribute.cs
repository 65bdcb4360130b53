using System.Globalization;
using Vigil.Model;

namespace Vigil.Storage.Builds;

/// <summary>
/// A recorded span's attribute as build readers take it: <c>vigil builds</c>, budgets and <c>GET /api/builds</c> read
/// text and numbers through here, so a value reads the same way everywhere.
/// </summary>
internal static class SpanAttribute
{
    public static object? Value(SpanEntry span, string key)
    {
        foreach (var attribute in span.Attributes)
        {
            if (attribute.Key == key)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    public static string? Text(SpanEntry span, string key) => Value(span, key) as string;

    /// <summary>A number however it came back: a long or double from the store, or text from a sender that tags numbers as strings.</summary>
    public static double? Number(SpanEntry span, string key) => Value(span, key) switch
    {
        long l => l,
        int i => i,
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary><see cref="Number"/> as a whole number (exit codes, byte counts), a fraction cut off.</summary>
    public static long? WholeNumber(SpanEntry span, string key) => Number(span, key) is { } value ? (long)value : null;
}
