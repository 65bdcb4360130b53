using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Vigil.Model;

namespace Vigil.Server.Api.Alertmanager;

/// <summary>
/// Reads Alertmanager's <c>postableAlerts</c>, the body Prometheus posts to <c>/api/v2/alerts</c>: a JSON array of
/// <c>{"labels": {...}, "annotations": {...}, "startsAt": "...", "endsAt": "...", "generatorURL": "..."}</c>.
/// <c>labels</c> with a non-empty <c>alertname</c> is required; times are RFC 3339 (Go's zero time means "not set",
/// as Prometheus sends it); other fields are ignored, as Alertmanager ignores them. Every refusal names the alert by
/// its index and the field.
/// </summary>
internal static partial class AlertmanagerAlertsBody
{
    /// <summary>The largest body read (Prometheus sends at most 64 alerts per request).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The most alerts in one request.</summary>
    public const int MaxAlerts = 1000;

    /// <summary>The most labels (and, separately, annotations) per alert.</summary>
    public const int MaxPairs = 64;

    public const int MaxNameLength = 128;
    public const int MaxLabelValueLength = 1024;
    public const int MaxAnnotationValueLength = 16 * 1024;

    /// <summary>The annotation that keeps the sender's <c>generatorURL</c> (the Prometheus graph of the rule).</summary>
    public const string GeneratorUrlAnnotation = "generatorURL";

    // Array, alert, labels: nothing in the shape is deeper.
    private const int MaxDepth = 3;

    public static IReadOnlyList<PostedAlert> Parse(ReadOnlyMemory<byte> json)
    {
        if (!Utf8.IsValid(json.Span))
        {
            throw Bad("body", "not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw Bad("body", $"not JSON in Alertmanager's shape, an array of alerts nested at most {MaxDepth} deep ({e.Message})");
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                throw Bad("body", "holds a lone UTF-16 surrogate escape such as \\ud800; send each surrogate in a pair");
            }
        }
    }

    private static List<PostedAlert> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw Bad("body", "must be a JSON array of alerts such as [{\"labels\": {\"alertname\": \"HighErrors\"}}]");
        }

        var count = root.GetArrayLength();
        if (count > MaxAlerts)
        {
            throw Bad("body", $"{count} alerts; at most {MaxAlerts} per request");
        }

        var alerts = new List<PostedAlert>(count);
        var i = 0;
        foreach (var element in root.EnumerateArray())
        {
            alerts.Add(ReadAlert(element, $"[{i++}]"));
        }

        return alerts;
    }

    private static PostedAlert ReadAlert(JsonElement alert, string at)
    {
        if (alert.ValueKind != JsonValueKind.Object)
        {
            throw Bad(at, "must be an object with labels");
        }

        var labels = alert.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Object
            ? Pairs(l, $"{at}.labels", MaxLabelValueLength)
            : throw Bad($"{at}.labels", "required: an object of label names and values with an alertname");
        var set = AlertLabels.From(labels);
        if (!set.TryGetValue(AlertLabels.AlertName, out var name))
        {
            throw Bad($"{at}.labels.alertname", "required: the alert's name, not empty");
        }

        var annotations = alert.TryGetProperty("annotations", out var a) && a.ValueKind != JsonValueKind.Null
            ? (a.ValueKind == JsonValueKind.Object ? Pairs(a, $"{at}.annotations", MaxAnnotationValueLength) : throw Bad($"{at}.annotations", "must be an object of names and texts"))
            : [];
        var generator = alert.TryGetProperty("generatorURL", out var g) && g.ValueKind != JsonValueKind.Null
            ? (g.ValueKind == JsonValueKind.String && g.GetString()!.Length <= 4096 ? g.GetString() : throw Bad($"{at}.generatorURL", "must be a URL of at most 4096 characters"))
            : null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in annotations)
        {
            map[key] = value;
        }

        if (!string.IsNullOrEmpty(generator))
        {
            map.TryAdd(GeneratorUrlAnnotation, generator);
        }

        var startsAt = Time(alert, "startsAt", at);
        var endsAt = Time(alert, "endsAt", at);
        if (startsAt is { } s && endsAt is { } e && e < s)
        {
            throw Bad($"{at}.endsAt", "is before startsAt");
        }

        return new PostedAlert(name, set, map, startsAt, endsAt);
    }

    private static List<KeyValuePair<string, string>> Pairs(JsonElement map, string at, int maxValueLength)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            if (pairs.Count == MaxPairs)
            {
                throw Bad(at, $"more than {MaxPairs} entries");
            }

            var name = property.Name;
            if (name.Length > MaxNameLength || !LabelMatcher.IsLabelName(name))
            {
                throw Bad($"{at}.{Printable(name)}", $"not a label name: up to {MaxNameLength} letters, digits, '_' and '.', not starting with a digit");
            }

            if (!seen.Add(name))
            {
                throw Bad($"{at}.{name}", "given twice; give it once");
            }

            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw Bad($"{at}.{name}", "must be a string");
            }

            var value = property.Value.GetString()!;
            if (value.Length > maxValueLength)
            {
                throw Bad($"{at}.{name}", $"longer than {maxValueLength} characters");
            }

            pairs.Add(new(name, value));
        }

        return pairs;
    }

    private static DateTimeOffset? Time(JsonElement alert, string field, string at)
    {
        if (!alert.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        if (text.Length > 40 || !Rfc3339().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw Bad($"{at}.{field}", "must be an RFC 3339 time such as \"2026-12-02T06:30:00Z\"");
        }

        // Go's zero time, which Prometheus and Alertmanager's client write for "not set".
        return time.Year <= 1 ? null : time;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    private static BadBodyException Bad(string field, string message) => JsonBody.Bad(field, message);

    private static string Printable(string text) =>
        text.Length > 40 || text.Any(char.IsControl) ? "(unprintable or long name)" : text;
}

/// <summary>One alert as posted.</summary>
internal sealed record PostedAlert(string Name, AlertLabels Labels, IReadOnlyDictionary<string, string> Annotations, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);
