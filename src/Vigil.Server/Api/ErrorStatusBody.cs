using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Unicode;
using Vigil.Model;

namespace Vigil.Server.Api;

/// <summary>
/// Reads the body of <c>POST /api/errors/{id}/status</c>:
/// <c>{"status": "ignored", "inNextRelease": false, "ignoreForEvents": 100, "ignoreUntil": "2026-12-01T00:00:00Z"}</c>.
/// Only <c>status</c> is required. Every refusal names the field: unknown and repeated fields are errors, as
/// unknown query parameters are, because a misspelt option silently dropped would change the wrong thing.
/// </summary>
internal static class ErrorStatusBody
{
    /// <summary>The largest body read; a real one is under 200 bytes.</summary>
    public const int MaxBytes = 4096;

    private static readonly string[] s_fields = ["status", "inNextRelease", "ignoreForEvents", "ignoreUntil"];

    public static async Task<ErrorStatusChange> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Only JSON: it also makes a cross-site form or text/plain POST from a browser page impossible without a
        // CORS preflight, which this server never grants.
        if (!IsJson(request.ContentType))
        {
            throw new BadBodyException(StatusCodes.Status415UnsupportedMediaType, "Content-Type: send the body as application/json (UTF-8)");
        }

        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return length > MaxBytes ? throw TooLarge() : Parse(buffer.AsMemory(0, length));
    }

    public static ErrorStatusChange Parse(ReadOnlyMemory<byte> json)
    {
        // The parser checks structure, not the bytes inside strings, so a broken sequence would surface later as an
        // InvalidOperationException from GetString.
        if (!Utf8.IsValid(json.Span))
        {
            throw Bad("body", "not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new BadBodyException(StatusCodes.Status400BadRequest, $"body: not valid JSON ({e.Message})");
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // UTF-8 validity says nothing of escapes: "\ud800" decodes to a lone surrogate, which GetString and
                // the property names refuse.
                throw Bad("body", "holds a lone UTF-16 surrogate escape such as \\ud800; send each surrogate in a pair");
            }
        }
    }

    private static ErrorStatusChange Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Bad("body", "must be a JSON object such as {\"status\": \"resolved\"}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!s_fields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Bad(Printable(property.Name), $"not a field here (use: {string.Join(", ", s_fields)})");
            }

            if (!seen.Add(property.Name))
            {
                throw Bad(property.Name, "given twice; give it once");
            }
        }

        var change = new ErrorStatusChange
        {
            Status = root.TryGetProperty("status", out var status) ? Status(status) : throw Bad("status", "required (unresolved, resolved or ignored)"),
            InNextRelease = root.TryGetProperty("inNextRelease", out var next) && Boolean(next),
            IgnoreForEvents = root.TryGetProperty("ignoreForEvents", out var events) ? Events(events) : null,
            IgnoreUntil = root.TryGetProperty("ignoreUntil", out var until) ? Time(until) : null,
        };
        return change.Problem() is { } problem ? throw Bad(ProblemField(change), problem) : change;
    }

    private static ErrorGroupStatus Status(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && ApiParse.TryName<ErrorGroupStatus>(value.GetString()!, out var status)
            ? status
            : throw Bad("status", "must be \"unresolved\", \"resolved\" or \"ignored\"");

    private static bool Boolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False or JsonValueKind.Null => false,
        _ => throw Bad("inNextRelease", "must be true or false"),
    };

    private static long? Events(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetInt64(out var count) && count >= 1 => count,
        _ => throw Bad("ignoreForEvents", "must be a whole number of 1 or more"),
    };

    private static DateTimeOffset? Time(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        return text.Length <= 40 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw Bad("ignoreUntil", "must be an RFC 3339 time such as \"2026-12-01T00:00:00Z\"");
    }

    // ErrorStatusChange.Problem() says what is wrong; the API also says which field.
    private static string ProblemField(ErrorStatusChange change) =>
        change.InNextRelease && change.Status != ErrorGroupStatus.Resolved ? "inNextRelease"
        : change.IgnoreForEvents is not null ? "ignoreForEvents"
        : "ignoreUntil";

    internal static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType is not { } type)
        {
            return false;
        }

        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        return json && (mediaType.CharSet is null || mediaType.CharSet.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static BadBodyException Bad(string field, string message) => new(StatusCodes.Status400BadRequest, $"{field}: {message}");

    private static BadBodyException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"body: larger than {MaxBytes} bytes; a status change is a small JSON object");

    private static string Printable(string text) =>
        text.Length > 40 || text.Any(char.IsControl) ? "(unprintable or long name)" : text;
}
