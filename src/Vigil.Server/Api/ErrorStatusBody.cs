using System.Globalization;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Api;

/// <summary>
/// Reads the body of <c>POST /api/errors/{id}/status</c>:
/// <c>{"status": "ignored", "inNextRelease": false, "ignoreForEvents": 100, "ignoreUntil": "2026-12-01T00:00:00Z"}</c>.
/// Only <c>status</c> is required; <see cref="JsonBody"/> refuses what is not a small JSON object of these fields.
/// </summary>
internal static class ErrorStatusBody
{
    /// <summary>The largest body read; a real one is under 200 bytes.</summary>
    public const int MaxBytes = 4096;

    private static readonly string[] s_fields = ["status", "inNextRelease", "ignoreForEvents", "ignoreUntil"];

    public static async Task<ErrorStatusChange> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Parse(await JsonBody.ReadAsync(request, MaxBytes, "a status change", cancellationToken).ConfigureAwait(false));

    public static ErrorStatusChange Parse(ReadOnlyMemory<byte> json) => JsonBody.Parse(json, s_fields, "{\"status\": \"resolved\"}", Read);

    private static ErrorStatusChange Read(JsonElement root)
    {
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

    private static BadBodyException Bad(string field, string message) => JsonBody.Bad(field, message);
}
