namespace Vigil.Model;

/// <summary>
/// When a health state stops being news, whatever engine stores it: a check that has missed
/// <see cref="MissedRuns"/> runs in a row is stale (its application or <c>vigil serve</c> has likely stopped),
/// and one that has not reported for <see cref="ForgetAfter"/> is left out of the current view.
/// </summary>
public static class HealthStaleness
{
    /// <summary>How many intervals a state may go without a result before it is stale: one late run is not an outage.</summary>
    public const int MissedRuns = 3;

    /// <summary>
    /// How long after its latest result a state is left out of <c>QueryHealthAsync</c>: a check
    /// renamed or removed would otherwise be stale, and fail <c>vigil health</c>, for ever. Its results stay in the
    /// store until retention removes them.
    /// </summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// Whether <paramref name="latest"/>, the latest result of a state, is stale at <paramref name="now"/>: older than
    /// <paramref name="staleAfter"/> when given, else older than <see cref="MissedRuns"/> of its
    /// <see cref="HealthResult.Interval"/>. A result with no (or no positive) interval is never stale by the default
    /// rule; a result from the future (another machine's clock) never is.
    /// </summary>
    /// <param name="latest">The latest result.</param>
    /// <param name="now">The store's time.</param>
    /// <param name="staleAfter">The caller's limit (<see cref="HealthQuery.StaleAfter"/>), replacing the rule.</param>
    /// <returns>True when stale.</returns>
    public static bool IsStale(HealthResult latest, DateTimeOffset now, TimeSpan? staleAfter)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var age = now - latest.Timestamp;
        if (staleAfter is { } limit)
        {
            return age > limit;
        }

        if (latest.Interval is not { } interval || interval <= TimeSpan.Zero)
        {
            return false;
        }

        // An interval so long that three of them overflow cannot have passed.
        return interval.Ticks <= long.MaxValue / MissedRuns && age.Ticks > interval.Ticks * MissedRuns;
    }

    /// <summary>The time before which a state's latest result makes it forgotten at <paramref name="now"/> (<see cref="ForgetAfter"/>).</summary>
    /// <param name="now">The store's time.</param>
    /// <returns>States whose latest result is older than this are left out.</returns>
    public static DateTimeOffset ForgetBefore(DateTimeOffset now) => now - ForgetAfter;
}
