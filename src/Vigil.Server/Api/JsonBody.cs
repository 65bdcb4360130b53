using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Unicode;

namespace Vigil.Server.Api;

/// <summary>
/// What every JSON request body of the query API goes through before its fields are read: JSON only (UTF-8), a size
/// cap, valid UTF-8, an object, no unknown or repeated field. Unknown fields are errors, as unknown query parameters
/// are, because a misspelt option silently dropped would change the wrong thing. Every refusal names the field.
/// </summary>
internal static class JsonBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, int maxBytes, string what, CancellationToken cancellationToken)
    {
        // Only JSON: it also makes a cross-site form or text/plain POST from a browser page impossible without a
        // CORS preflight, which this server never grants.
        if (!IsJson(request.ContentType))
        {
            throw new BadBodyException(StatusCodes.Status415UnsupportedMediaType, "Content-Type: send the body as application/json (UTF-8)");
        }

        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes, what);
        }

        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return length > maxBytes ? throw TooLarge(maxBytes, what) : buffer.AsMemory(0, length);
    }

    /// <summary>Parses <paramref name="json"/>, checks it is an object with only <paramref name="fields"/>, each once, and reads it.</summary>
    public static T Parse<T>(ReadOnlyMemory<byte> json, IReadOnlyList<string> fields, string example, Func<JsonElement, T> read)
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
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw Bad("body", $"must be a JSON object such as {example}");
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in root.EnumerateObject())
                {
                    if (!fields.Contains(property.Name, StringComparer.Ordinal))
                    {
                        throw Bad(Printable(property.Name), $"not a field here (use: {string.Join(", ", fields)})");
                    }

                    if (!seen.Add(property.Name))
                    {
                        throw Bad(property.Name, "given twice; give it once");
                    }
                }

                return read(root);
            }
            catch (InvalidOperationException)
            {
                // UTF-8 validity says nothing of escapes: "\ud800" decodes to a lone surrogate, which GetString and
                // the property names refuse.
                throw Bad("body", "holds a lone UTF-16 surrogate escape such as \\ud800; send each surrogate in a pair");
            }
        }
    }

    public static BadBodyException Bad(string field, string message) => new(StatusCodes.Status400BadRequest, $"{field}: {message}");

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.MediaType is not { } type)
        {
            return false;
        }

        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        return json && (mediaType.CharSet is null || mediaType.CharSet.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static BadBodyException TooLarge(int maxBytes, string what) =>
        new(StatusCodes.Status413PayloadTooLarge, $"body: larger than {maxBytes} bytes; {what} is a small JSON object");

    private static string Printable(string text) =>
        text.Length > 40 || text.Any(char.IsControl) ? "(unprintable or long name)" : text;
}
