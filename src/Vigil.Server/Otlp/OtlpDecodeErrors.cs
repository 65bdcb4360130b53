using System.Text.Json;
using Google.Protobuf;

namespace Vigil.Server.Otlp;

/// <summary>
/// What was wrong with a request that did not decode, in words about the request. The parsers' own messages say how
/// the server is built ("Use CodedInputStream.SetRecursionLimit() to increase the depth limit"), so they are only
/// read to tell the kinds of failure apart and never sent. Both receivers answer with these.
/// </summary>
internal static class OtlpDecodeErrors
{
    /// <summary>How deep JSON may nest (objects and arrays); set on the JSON reader.</summary>
    public const int MaxJsonDepth = 128;

    // Google.Protobuf's parsers stop at this depth of nested messages (CodedInputStream.DefaultRecursionLimit).
    private const int MaxMessageDepth = 100;

    public static string Protobuf(InvalidProtocolBufferException exception) =>
        $"The request is not a valid OTLP protobuf export request: {What(exception)}.";

    public static string Json(JsonException exception) =>
        exception.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
            ? $"The body is not valid JSON: it nests objects and arrays deeper than {MaxJsonDepth} levels."
            : $"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).";

    public static string OtlpJson(Exception exception) =>
        $"The body is not a valid OTLP/JSON export request: {(exception is InvalidProtocolBufferException e ? What(e) : "a field holds a value of the wrong type or out of range")}.";

    private static string What(InvalidProtocolBufferException exception)
    {
        var text = exception.Message;
        return text switch
        {
            _ when Has(text, "nesting") => $"it nests messages deeper than {MaxMessageDepth} levels",
            _ when Has(text, "ended unexpectedly") || Has(text, "truncated") => "it ends in the middle of a field (it is cut short, or an embedded message states the wrong length)",
            _ when Has(text, "negative size") => "a field states a negative length",
            _ when Has(text, "varint") => "a number is not a valid varint",
            _ when Has(text, "UTF-8") => "a string field is not valid UTF-8",
            _ when Has(text, "tag") => "a field has an invalid tag or wire type",
            _ when Has(text, "base64") => "a bytes field is not valid base64",
            _ when Has(text, "enum") => "a field holds an unknown enum name",
            _ when Has(text, "too large") => "it is too large",
            _ => "it is not a valid protobuf message of that type",
        };
    }

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
