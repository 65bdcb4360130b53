using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage;

/// <summary>The labels that decide which group a series falls in.</summary>
internal static class MetricGroupLabels
{
    public static SortedDictionary<string, string> For(MetricSeriesInfo series, IReadOnlyList<string>? groupBy)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (groupBy is null)
        {
            foreach (var attribute in series.Attributes)
            {
                labels[attribute.Key] = TextOf(attribute.Value);
            }

            return labels;
        }

        foreach (var key in groupBy)
        {
            labels[key] = ValueOf(series, key) ?? string.Empty;
        }

        return labels;
    }

    /// <summary>
    /// A series' own labels as its exports show them: its attributes in text form and the resource's
    /// <c>service.name</c> (an attribute of that name wins), sorted by key.
    /// </summary>
    public static SortedDictionary<string, string> WithService(MetricSeriesInfo series)
    {
        var labels = For(series, groupBy: null);
        if (series.Resource.ServiceName is { Length: > 0 } service)
        {
            labels.TryAdd(TelemetryResource.ServiceNameKey, service);
        }

        return labels;
    }

    public static string Key(SortedDictionary<string, string> labels) =>
        string.Join('\u001f', labels.Select(label => label.Key + '\u001e' + label.Value));

    private static string? ValueOf(MetricSeriesInfo series, string key)
    {
        foreach (var attribute in series.Attributes)
        {
            if (attribute.Key == key)
            {
                return TextOf(attribute.Value);
            }
        }

        return key == TelemetryResource.ServiceNameKey ? series.Resource.ServiceName : null;
    }

    private static string TextOf(object? value) =>
        TelemetryAttributes.ToFilterText(value) ?? AttributeJson.Serialize([new("v", value)])[5..^1];
}
