using System.Globalization;
using System.Text.Json;
using Vigil.Model.Text;

namespace Vigil.Server.Api;

/// <summary>Reads the fields of a JSON body that <see cref="JsonBody"/> checked: text, times and durations, each refusal naming its field.</summary>
internal static class BodyText
{
    // About 100 years, as the query parameters allow.
    private static readonly TimeSpan s_maxDuration = TimeSpan.FromDays(36_600);

    public static string Required(JsonElement root, string field, int maxLength, string what) =>
        Optional(root, field, maxLength) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw JsonBody.Bad(field, $"required: {what}");

    public static string? Optional(JsonElement root, string field, int maxLength)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? Check(field, value.GetString()!, maxLength) : throw JsonBody.Bad(field, "must be a string");
    }

    public static string Check(string field, string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            throw JsonBody.Bad(field, $"{text.Length} characters is too long (at most {maxLength})");
        }

        // A newline is fine in a comment; other control characters would garble a terminal that prints it.
        return text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            ? throw JsonBody.Bad(field, "control characters are not allowed")
            : text;
    }

    public static DateTimeOffset? Time(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        return text.Length <= 40 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw JsonBody.Bad(field, "must be an RFC 3339 time such as \"2026-12-01T00:00:00Z\"");
    }

    public static TimeSpan? Duration(JsonElement root, string field)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        return text.Length <= 40 && DurationGrammar.TryParse(text, out var duration) && duration > TimeSpan.Zero && duration <= s_maxDuration
            ? duration
            : throw JsonBody.Bad(field, $"must be a positive duration such as \"2h\" ({DurationGrammar.Allowed})");
    }
}
