using System.Text;

namespace Vigil.Alerting.Notifications.Channels.Alertmanager;

/// <summary>
/// Alertmanager (up to 0.27 and by default after) accepts label and annotation names of <c>[a-zA-Z_][a-zA-Z0-9_]*</c>
/// only, and refuses a whole batch that holds one other. Vigil's names may hold dots (<c>service.name</c>), as
/// OpenTelemetry's do, so they are mapped the way Prometheus maps OpenTelemetry attributes: every other character
/// becomes <c>_</c>, and a leading digit gets a <c>_</c> before it (<c>service.name</c> → <c>service_name</c>,
/// <c>1st</c> → <c>_1st</c>). When two names map to one, their values are joined with <c>;</c> in the order of
/// the original names, as Prometheus' OTLP translation does, so nothing is lost silently. Empty values are dropped.
/// </summary>
internal static class AlertmanagerLabelNames
{
    public static string Map(string name)
    {
        if (IsValid(name))
        {
            return name;
        }

        var mapped = new StringBuilder(name.Length + 1);
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            mapped.Append('_');
        }

        foreach (var c in name)
        {
            mapped.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return mapped.ToString();
    }

    public static bool IsValid(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The pairs with their names mapped, sorted, with colliding values joined.</summary>
    public static SortedDictionary<string, string> MapAll(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var mapped = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs.Where(p => p.Value.Length > 0).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var key = Map(name);
            mapped[key] = mapped.TryGetValue(key, out var earlier) ? earlier + ";" + value : value;
        }

        return mapped;
    }
}
