using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Vigil.Server.Otlp.Http;

/// <summary>
/// OTLP/JSON is proto3 JSON with one exception: trace and span ids are hex strings, not base64
/// (OTLP specification, "JSON Protobuf Encoding"). The ids are rewritten to base64 and the rest is
/// left to Google.Protobuf's parser, which already accepts lowerCamelCase and original field names,
/// enums as numbers, and 64-bit integers as strings or numbers.
/// </summary>
internal static class OtlpJson
{
    // Only these fields are bytes holding an id; other bytes fields (AnyValue.bytesValue) stay base64.
    private static readonly HashSet<string> s_idFields = new(StringComparer.Ordinal)
    {
        "traceId", "trace_id", "spanId", "span_id", "parentSpanId", "parent_span_id",
    };

    // Unknown fields are ignored so that a newer sender's additions do not fail the request.
    private static readonly JsonParser s_parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static T Parse<T>(byte[] body)
        where T : IMessage, new()
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = OtlpDecodeErrors.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            throw new OtlpHttpException(StatusCodes.Status400BadRequest, OtlpDecodeErrors.Json(e), e);
        }

        if (root is not JsonObject)
        {
            throw new OtlpHttpException(StatusCodes.Status400BadRequest, "The body must be a JSON object.");
        }

        RewriteIds(root);
        try
        {
            return s_parser.Parse<T>(root.ToJsonString());
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            throw new OtlpHttpException(StatusCodes.Status400BadRequest, OtlpDecodeErrors.OtlpJson(e), e);
        }
    }

    private static void RewriteIds(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (s_idFields.Contains(name) && value is JsonValue v && v.TryGetValue<string>(out var hex))
                    {
                        obj[name] = HexToBase64(name, hex);
                    }
                    else
                    {
                        RewriteIds(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RewriteIds(item);
                }

                break;
            default:
                break;
        }
    }

    private static string HexToBase64(string field, string hex)
    {
        try
        {
            return Convert.ToBase64String(Convert.FromHexString(hex));
        }
        catch (FormatException e)
        {
            throw new OtlpHttpException(StatusCodes.Status400BadRequest, $"'{field}' must be a hex string, got '{Truncate(hex)}'.", e);
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
