using Vigil.Model;

namespace Vigil.Alerting.Notifications.Routing;

/// <summary>A compiled inhibition rule.</summary>
internal sealed record InhibitRule(IReadOnlyList<LabelMatcher> Source, IReadOnlyList<LabelMatcher> Target, IReadOnlyList<string> Equal)
{
    /// <summary>Whether firing <paramref name="source"/> mutes <paramref name="target"/> (never itself, as in Alertmanager).</summary>
    public bool Mutes(AlertLabels source, AlertLabels target) =>
        !source.Equals(target)
        && LabelMatcher.All(Target, target)
        && LabelMatcher.All(Source, source)
        && Equal.All(name => string.Equals(Value(source, name), Value(target, name), StringComparison.Ordinal));

    private static string Value(AlertLabels labels, string name) => labels.TryGetValue(name, out var value) ? value : string.Empty;
}
