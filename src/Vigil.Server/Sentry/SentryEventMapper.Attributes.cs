using System.Globalization;
using System.Text.Json;
using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Server.Sentry;

/// <summary>The resource and the attributes of a Sentry event: who sent it, and what it says about itself.</summary>
internal static partial class SentryEventMapper
{
    public const string DefaultFingerprint = "{{ default }}";
    public const string TagPrefix = "sentry.tag.";
    public const string FingerprintKey = "sentry.fingerprint";
    private const string VigilFingerprintKey = "vigil.fingerprint";

    // Bounds on what one event may add, so a hostile one cannot turn into thousands of attributes.
    private const int MaxTags = 200;
    private const int MaxTextLength = 8 * 1024;

    private static TelemetryResource Resource(JsonElement root, long projectId)
    {
        var release = SentryJson.Text(root, "release");
        var attributes = new List<KeyValuePair<string, object?>>
        {
            new(TelemetryResource.ServiceNameKey, ServiceName(root, release, projectId)),
        };
        Add(attributes, "service.version", release);
        Add(attributes, "deployment.environment.name", SentryJson.Text(root, "environment"));
        Add(attributes, "host.name", SentryJson.Text(root, "server_name"));
        Add(attributes, "telemetry.sdk.language", SentryJson.Text(root, "platform"));
        if (SentryJson.Object(root, "sdk") is { } sdk)
        {
            Add(attributes, "telemetry.sdk.name", SentryJson.Text(sdk, "name"));
            Add(attributes, "telemetry.sdk.version", SentryJson.Text(sdk, "version"));
        }

        return new TelemetryResource { Attributes = attributes };
    }

    /// <summary>
    /// Sentry has projects, not services: a <c>service.name</c> tag wins; else the package of a release written
    /// <c>package@version</c> (the .NET SDK's default is the entry assembly's); else <c>sentry-PROJECT</c>.
    /// </summary>
    private static string ServiceName(JsonElement root, string? release, long projectId)
    {
        if (SentryJson.Object(root, "tags") is { } tags && SentryJson.Text(tags, TelemetryResource.ServiceNameKey) is { } tagged)
        {
            return Bounded(tagged);
        }

        var at = release?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        return at > 0 ? Bounded(release![..at]) : "sentry-" + projectId.ToString(CultureInfo.InvariantCulture);
    }

    private static List<KeyValuePair<string, object?>> Attributes(JsonElement root, string eventId, long projectId)
    {
        var attributes = new List<KeyValuePair<string, object?>>
        {
            new(EventIdKey, eventId),

            // A retried envelope carries the same event id: the store then counts the occurrence once.
            new(ExceptionIdentity.AttributeName, "sentry:" + eventId),
            new("sentry.project_id", projectId),
        };
        Add(attributes, "sentry.transaction", SentryJson.Text(root, "transaction"));
        foreach (var (key, value) in Tags(root).Take(MaxTags))
        {
            Add(attributes, TagPrefix + key, value);
        }

        if (SentryJson.Object(root, "user") is { } user)
        {
            Add(attributes, "user.id", SentryJson.Text(user, "id"));
            Add(attributes, "user.email", SentryJson.Text(user, "email"));
            Add(attributes, "user.name", SentryJson.Text(user, "username"));
            Add(attributes, "client.address", SentryJson.Text(user, "ip_address"));
        }

        return attributes;
    }

    /// <summary>Tags come as an object or as a list of [key, value] pairs.</summary>
    private static IEnumerable<(string Key, string Value)> Tags(JsonElement root)
    {
        if (!root.TryGetProperty("tags", out var tags))
        {
            yield break;
        }

        if (tags.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tags.EnumerateObject())
            {
                if (SentryJson.Text(tag.Value) is { } value && tag.Name.Length is > 0 and <= 200)
                {
                    yield return (tag.Name, value);
                }
            }
        }
        else if (tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var pair in tags.EnumerateArray())
            {
                if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2
                    && SentryJson.Text(pair[0]) is { Length: <= 200 } key && SentryJson.Text(pair[1]) is { } value)
                {
                    yield return (key, value);
                }
            }
        }
    }

    /// <summary>
    /// Sentry's <c>fingerprint</c>: without <c>{{ default }}</c> its values are the group, as Vigil's explicit
    /// fingerprint attribute is; with it, the default fingerprint (computed by the same fingerprinter the store runs,
    /// with the server's options) is one of its parts, so the event splits its default group by the other values.
    /// A fingerprint of <c>{{ default }}</c> alone is the default grouping.
    /// </summary>
    private static void AddFingerprint(JsonElement root, List<KeyValuePair<string, object?>> attributes, (string Type, string? Message, string Text)? exception, FingerprintOptions options)
    {
        var parts = SentryJson.Values(root, "fingerprint").Select(SentryJson.Text).OfType<string>().Take(MaxTags).ToList();
        if (parts.Count == 0)
        {
            return;
        }

        attributes.Add(new(FingerprintKey, Bounded(string.Join('\n', parts))));
        if (parts.TrueForAll(p => p == DefaultFingerprint))
        {
            return;
        }

        if (parts.Contains(DefaultFingerprint))
        {
            var details = new ExceptionDetails
            {
                Type = exception?.Type,
                Message = exception?.Message ?? Message(root),
                StackTrace = exception?.Text,
                Attributes = attributes.Where(a => a.Value is string).ToDictionary(a => a.Key, a => (string)a.Value!, StringComparer.Ordinal),
            };
            var value = ExceptionFingerprinter.Compute(details, options).Value;
            parts = [.. parts.Select(p => p == DefaultFingerprint ? value : p)];
        }

        attributes.Add(new(VigilFingerprintKey, Bounded(string.Join('\n', parts))));
    }

    private static void Add(List<KeyValuePair<string, object?>> attributes, string key, string? value)
    {
        if (value is not null)
        {
            attributes.Add(new(key, Bounded(value)));
        }
    }

    private static string Bounded(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
