using System.Globalization;
using Vigil.Model.Prometheus;
using Vigil.Server.Sentry;

namespace Vigil.Server.Prometheus;

/// <summary>
/// <c>vigil_sentry_items_total{type}</c> and <c>vigil_sentry_refused_total{code}</c>: what Sentry SDKs sent since the
/// server started. Items other than events (transactions, sessions, client reports...) are acknowledged and counted
/// here, never stored.
/// </summary>
internal static class SentryMetricFamilies
{
    public const string ItemsName = "vigil_sentry_items_total";
    public const string RefusedName = "vigil_sentry_refused_total";

    public static IReadOnlyList<ExpositionFamily> Read(SentryStatistics? statistics)
    {
        if (statistics is null)
        {
            return [];
        }

        var families = new List<ExpositionFamily>();
        var items = statistics.Items();
        if (items.Count > 0)
        {
            families.Add(new ExpositionFamily(ItemsName, "counter", "Sentry envelope items received, by item type (events are stored; other types are acknowledged and counted).",
                [.. items.Select(i => new ExpositionSample(string.Empty, PrometheusNames.LabelSet([new("type", i.Key)]), i.Value))]));
        }

        var refused = statistics.Refused();
        if (refused.Count > 0)
        {
            families.Add(new ExpositionFamily(RefusedName, "counter", "Sentry requests refused, by HTTP status (401 key, 413 size, 429 overload, 400 malformed).",
                [.. refused.Select(r => new ExpositionSample(string.Empty, PrometheusNames.LabelSet([new("code", r.Key.ToString(CultureInfo.InvariantCulture))]), r.Value))]));
        }

        return families;
    }
}
