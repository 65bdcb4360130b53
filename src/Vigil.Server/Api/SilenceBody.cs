using System.Text.Json;
using Vigil.Model;

namespace Vigil.Server.Api;

/// <summary>
/// Reads the body of <c>POST /api/silences</c>:
/// <c>{"matchers": ["service=shop"], "startsAt": "...", "duration": "2h", "createdBy": "ana", "comment": "deploy"}</c>.
/// At least one matcher (each in <see cref="LabelMatcher"/>'s grammar), a start (now when left out), exactly one of
/// <c>endsAt</c> and <c>duration</c>, an end in the future and after the start, an author and a comment.
/// </summary>
internal static class SilenceBody
{
    /// <summary>The largest body read: room for the most matchers at their longest.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The most matchers one silence may have.</summary>
    public const int MaxMatchers = 32;

    /// <summary>The longest author and comment.</summary>
    public const int MaxTextLength = 1024;

    private static readonly string[] s_fields = ["matchers", "startsAt", "endsAt", "duration", "createdBy", "comment"];

    public static async Task<Silence> ReadAsync(HttpRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        Parse(await JsonBody.ReadAsync(request, MaxBytes, "a silence", cancellationToken).ConfigureAwait(false), now);

    public static Silence Parse(ReadOnlyMemory<byte> json, DateTimeOffset now) =>
        JsonBody.Parse(json, s_fields, "{\"matchers\": [\"service=shop\"], \"duration\": \"2h\", \"createdBy\": \"ana\", \"comment\": \"deploy\"}", root => Read(root, now));

    private static Silence Read(JsonElement root, DateTimeOffset now)
    {
        var matchers = Matchers(root);
        var startsAt = BodyText.Time(root, "startsAt") ?? now;
        var endsAt = BodyText.Time(root, "endsAt");
        var duration = BodyText.Duration(root, "duration");
        var end = (endsAt, duration) switch
        {
            (null, null) => throw JsonBody.Bad("endsAt", "required, or give duration instead (such as \"2h\")"),
            ({ }, { }) => throw JsonBody.Bad("duration", "give endsAt or duration, not both"),
            ({ } at, null) => at,
            (null, { } length) => startsAt + length,
        };
        if (end <= startsAt)
        {
            throw JsonBody.Bad(endsAt is null ? "duration" : "endsAt", $"the silence must end after it starts ({startsAt:O})");
        }

        if (end <= now)
        {
            throw JsonBody.Bad(endsAt is null ? "duration" : "endsAt", $"the silence would end at {end:O}, which has passed: it would silence nothing");
        }

        return new Silence
        {
            Matchers = matchers,
            StartsAt = startsAt,
            EndsAt = end,
            CreatedBy = BodyText.Required(root, "createdBy", MaxTextLength, "who creates the silence, such as a user name"),
            Comment = BodyText.Required(root, "comment", MaxTextLength, "why, such as \"deploy of 1.4\""),
            CreatedAt = now,
        };
    }

    private static LabelMatcher[] Matchers(JsonElement root)
    {
        if (!root.TryGetProperty("matchers", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            throw JsonBody.Bad("matchers", $"required: at least one label matcher ({ApiParse.MatcherGrammar})");
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw JsonBody.Bad("matchers", "must be an array of strings such as [\"service=shop\"]");
        }

        var count = array.GetArrayLength();
        if (count is 0 or > MaxMatchers)
        {
            throw JsonBody.Bad("matchers", $"give 1 to {MaxMatchers} label matchers; it has {count}");
        }

        var matchers = new LabelMatcher[count];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var field = $"matchers[{i}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                throw JsonBody.Bad(field, "must be a string such as \"service=shop\"");
            }

            var text = BodyText.Check(field, item.GetString()!, LabelMatcher.MaxLength);
            matchers[i++] = ApiParse.TryMatcher(text, out var matcher, out var refusal) ? matcher : throw JsonBody.Bad(field, refusal);
        }

        return matchers;
    }
}
