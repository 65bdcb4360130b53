using Vigil.Storage.Builds;

namespace Vigil.Server.Api;

/// <summary>
/// Judges each build against the runs of the same task before it (<see cref="MedianRegression"/>, the rule budgets
/// use): up to <see cref="MedianRegression.DefaultRuns"/> − 1 earlier runs, whatever their result, as a budget's window.
/// </summary>
internal sealed class BuildBaselines
{
    private readonly Dictionary<string, List<BuildRecord>> _byTask = new(StringComparer.Ordinal);

    // Where each build sits in its task's runs, so a check costs the same however long the history read.
    private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);

    /// <summary>Adds the next build, older than every one added before it.</summary>
    public void Add(BuildRecord build)
    {
        if (!_byTask.TryGetValue(build.Name, out var runs))
        {
            _byTask[build.Name] = runs = [];
        }

        if (_position.TryAdd(build.TraceId, runs.Count))
        {
            runs.Add(build);
        }
    }

    /// <summary>Whether enough runs of <paramref name="build"/>'s task before it have been added to judge it.</summary>
    public bool IsComplete(BuildRecord build) => Earlier(build).Count == MedianRegression.DefaultRuns - 1;

    /// <summary>What <paramref name="build"/> (added before) is judged against; null without an earlier run of its task.</summary>
    public Baseline? Judge(BuildRecord build)
    {
        var before = Earlier(build).Select(b => b.Duration.TotalSeconds).ToArray();
        return before.Length == 0
            ? null
            : new Baseline(
                before.Length,
                MedianRegression.Median(before),
                MedianRegression.Limit(before, MedianRegression.DefaultPercent),
                MedianRegression.IsOver(build.Duration.TotalSeconds, before, MedianRegression.DefaultPercent));
    }

    /// <summary>How many earlier runs, their median and the limit (seconds), and whether the build took longer.</summary>
    public sealed record Baseline(int Runs, double MedianSeconds, double LimitSeconds, bool Regressed);

    private List<BuildRecord> Earlier(BuildRecord build)
    {
        if (!_position.TryGetValue(build.TraceId, out var index))
        {
            return [];
        }

        var runs = _byTask[build.Name];
        return runs.GetRange(index + 1, Math.Min(MedianRegression.DefaultRuns - 1, runs.Count - index - 1));
    }
}
