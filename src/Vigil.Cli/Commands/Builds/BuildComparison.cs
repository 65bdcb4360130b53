using Vigil.Storage.Builds;
namespace Vigil.Cli.Commands.Builds;

/// <summary>
/// Two builds side by side: every project and target either has, by own time, with the change from A to B. A part in
/// only one of them counts as zero in the other (new in B, or gone).
/// </summary>
internal sealed record BuildComparison(BuildRecord Before, BuildRecord After, IReadOnlyList<BuildComparison.Change> Changes)
{
    /// <summary>The change of one project or target; <see cref="Percent"/> is null when it is new in B.</summary>
    internal sealed record Change(string Kind, string Project, string? Target, TimeSpan Before, TimeSpan After)
    {
        public TimeSpan Delta => After - Before;

        public double? Percent => Before > TimeSpan.Zero ? Delta.Ticks * 100.0 / Before.Ticks : null;

        public string Key => Target is null ? Project : $"{Project} {Target}";
    }

    public TimeSpan Delta => After.Duration - Before.Duration;

    /// <summary>Projects and targets that took longer in B, the largest increase first.</summary>
    public IEnumerable<Change> Slower => Changes.Where(c => c.Delta > TimeSpan.Zero).OrderByDescending(c => c.Delta);

    public static BuildComparison Compare(BuildRecord before, BuildRecord after)
    {
        var changes = Pair("project", before.Projects, after.Projects).Concat(Pair("target", before.Targets, after.Targets));
        return new BuildComparison(before, after, [.. changes.OrderByDescending(c => c.Delta).ThenBy(c => c.Key, StringComparer.Ordinal)]);
    }

    private static IEnumerable<Change> Pair(string kind, IReadOnlyList<BuildPart> before, IReadOnlyList<BuildPart> after)
    {
        var a = before.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var b = after.ToDictionary(p => p.Key, StringComparer.Ordinal);
        foreach (var key in a.Keys.Union(b.Keys, StringComparer.Ordinal))
        {
            var part = b.GetValueOrDefault(key) ?? a[key];
            yield return new Change(kind, part.Project, part.Target, a.GetValueOrDefault(key)?.Self ?? TimeSpan.Zero, b.GetValueOrDefault(key)?.Self ?? TimeSpan.Zero);
        }
    }
}
