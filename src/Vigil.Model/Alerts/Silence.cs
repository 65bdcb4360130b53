namespace Vigil.Model;

/// <summary>
/// A window in which alerts whose labels match are not notified: matchers, start, end, author and comment, as in
/// Alertmanager. Its <see cref="StateAt"/> is pending before the start, active inside, expired after.
/// </summary>
public sealed record Silence
{
    /// <summary>The store's id, 0 until created.</summary>
    public long Id { get; init; }

    /// <summary>Every matcher must hold for an alert to be silenced; there is at least one.</summary>
    public IReadOnlyList<LabelMatcher> Matchers { get; init; } = [];

    /// <summary>When it starts.</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>When it ends (expiring a silence sets this to the time of expiry).</summary>
    public DateTimeOffset EndsAt { get; init; }

    /// <summary>Who created it.</summary>
    public string CreatedBy { get; init; } = string.Empty;

    /// <summary>Why.</summary>
    public string Comment { get; init; } = string.Empty;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The silence's state at a moment.</summary>
    /// <param name="now">The moment.</param>
    /// <returns>Pending, active or expired.</returns>
    public SilenceState StateAt(DateTimeOffset now) =>
        now < StartsAt ? SilenceState.Pending : now < EndsAt ? SilenceState.Active : SilenceState.Expired;

    /// <summary>True when the silence is active at <paramref name="now"/> and every matcher holds for the labels.</summary>
    /// <param name="labels">An alert's labels.</param>
    /// <param name="now">The moment.</param>
    /// <returns>Whether the alert is silenced.</returns>
    public bool Silences(IReadOnlyDictionary<string, string> labels, DateTimeOffset now) =>
        StateAt(now) == SilenceState.Active && Matchers.Count > 0 && LabelMatcher.All(Matchers, labels);
}
