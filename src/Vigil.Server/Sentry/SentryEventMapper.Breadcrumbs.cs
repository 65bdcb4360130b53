using System.Text.Json;
using Vigil.Model;
using Vigil.Model.Text;

namespace Vigil.Server.Sentry;

/// <summary>Breadcrumbs: each a log record of the event's service and trace, named <c>sentry.breadcrumb</c>.</summary>
internal static partial class SentryEventMapper
{
    private const int InfoSeverity = 9;
    private const string BreadcrumbDataPrefix = "sentry.breadcrumb.data.";

    private static void AddBreadcrumbs(JsonElement root, List<LogEntry> records, string eventId, string? traceId, DateTimeOffset eventTime, DateTimeOffset now, TelemetryResource resource)
    {
        foreach (var crumb in SentryJson.Values(root, "breadcrumbs").Where(c => c.ValueKind == JsonValueKind.Object).Take(SentryLimits.MaxBreadcrumbs))
        {
            var level = SentryJson.Text(crumb, "level");
            var category = SentryJson.Text(crumb, "category");
            var attributes = new List<KeyValuePair<string, object?>> { new(EventIdKey, eventId) };
            Add(attributes, "sentry.breadcrumb.category", category);
            Add(attributes, "sentry.breadcrumb.type", SentryJson.Text(crumb, "type"));
            if (SentryJson.Object(crumb, "data") is { } data)
            {
                foreach (var field in data.EnumerateObject().Take(MaxTags))
                {
                    Add(attributes, BreadcrumbDataPrefix + field.Name, SentryJson.Text(field.Value) ?? (field.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? field.Value.GetRawText() : null));
                }
            }

            records.Add(new LogEntry
            {
                Timestamp = SentryJson.Time(crumb, "timestamp") ?? eventTime,
                ObservedTimestamp = now,
                SeverityNumber = level is not null && LevelGrammar.TryParse(level, out var severity) ? severity : InfoSeverity,
                SeverityText = level ?? "info",
                Body = SentryJson.Text(crumb, "message") is { } message ? Bounded(message) : category,
                EventName = BreadcrumbEventName,
                Attributes = attributes,
                TraceId = traceId,
                Scope = new InstrumentationScopeInfo { Name = "sentry.breadcrumbs" },
                Resource = resource,
            });
        }
    }
}
