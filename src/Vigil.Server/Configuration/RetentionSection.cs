using System.ComponentModel;
using Vigil.Storage;
using Vigil.Storage.Configuration;

namespace Vigil.Server.Configuration;

/// <summary>
/// The configuration file's <c>Retention</c> section: how much the server keeps. Nothing set, nothing is deleted (a
/// server does not throw a team's data away unasked); either limit set, the leader applies it every <c>Interval</c>.
/// </summary>
[Description("the retention settings")]
internal sealed class RetentionSection
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Records older than this are deleted (e.g. <c>"14d"</c>): text in the shared duration grammar, since the file's
    /// other durations stop at a day and an age is days or weeks.
    /// </summary>
    public string? MaxAge { get; set; }

    /// <summary>The oldest records are deleted until the store uses at most this many bytes (SQLite).</summary>
    public long? MaxSizeBytes { get; set; }

    /// <summary>How often retention runs (default 10 minutes).</summary>
    public TimeSpan? Interval { get; set; }

    public IEnumerable<ConfigurationProblem> Validate(string path)
    {
        if (MaxAge is not null && (Age() is not { } age || age < TimeSpan.FromMinutes(1) || age > TimeSpan.FromDays(3650)))
        {
            yield return new($"{path}:MaxAge", $"'{MaxAge}' is not allowed: a duration from 1m to 3650d ({Model.Text.DurationGrammar.Allowed}), e.g. \"14d\"");
        }

        if (MaxSizeBytes is { } size && size < 1024 * 1024)
        {
            yield return new($"{path}:MaxSizeBytes", $"{size} is not allowed: at least 1048576 (1 MiB)");
        }

        if (Interval is { } interval && (interval < TimeSpan.FromSeconds(1) || interval > TimeSpan.FromDays(1)))
        {
            yield return new($"{path}:Interval", "is not allowed: a duration from 1s to 24h, e.g. \"10m\"");
        }
    }

    /// <summary>What the store applies; null when neither limit is set.</summary>
    public RetentionOptions? ToOptions() =>
        MaxAge is null && MaxSizeBytes is null ? null : new RetentionOptions { MaxAge = Age(), MaxSizeBytes = MaxSizeBytes };

    private TimeSpan? Age() => Model.Text.DurationGrammar.TryParse(MaxAge, out var age) ? age : null;
}
