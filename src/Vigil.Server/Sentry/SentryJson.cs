using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using Vigil.Server.Dialects;

namespace Vigil.Server.Sentry;

/// <summary>Reads the loosely typed JSON of Sentry payloads: a field of the wrong kind is ignored, never a failure.</summary>
internal static class SentryJson
{
    /// <exception cref="DialectRequestException">Not UTF-8 JSON, or nested deeper than <see cref="SentryLimits.MaxJsonDepth"/>.</exception>
    public static JsonDocument Parse(ReadOnlyMemory<byte> json, string what)
    {
        if (!Utf8.IsValid(json.Span))
        {
            throw DialectRequestException.Bad($"The {what} is not valid UTF-8.");
        }

        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = SentryLimits.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            throw DialectRequestException.Bad($"The {what} is not valid JSON ({e.Message})", e);
        }
    }

    public static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? Text(value) : null;

    /// <summary>A string as it is; a number or boolean as its JSON text (tags and user ids come as either).</summary>
    public static string? Text(JsonElement value)
    {
        try
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape ("\ud800") has no string; the field is treated as absent.
            return null;
        }
    }

    public static JsonElement? Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>A list given either as an array or, as the protocol also allows, as <c>{"values": [...]}</c>.</summary>
    public static IEnumerable<JsonElement> Values(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("values", out var inner))
        {
            value = inner;
        }

        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
    }

    /// <summary>A time as RFC 3339 text or as seconds since the epoch (both are allowed); null when neither.</summary>
    public static DateTimeOffset? Time(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && double.IsFinite(seconds) && seconds is >= 0 and < 253_402_300_800)
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }

        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }
}
