using System.Text.Json.Serialization;

namespace Vigil.Model;

/// <summary>
/// Where one health check or probe stands now: its latest result, since when its status holds, and whether that
/// result is still news (<see cref="IsStale"/>).
/// </summary>
public sealed record HealthState
{
    /// <summary>The latest result; its <see cref="HealthResult.Status"/> is the last status reported, stale or not.</summary>
    public required HealthResult Latest { get; init; }

    /// <summary>When <see cref="HealthResult.Status"/> first took its current value (the first result, or the first after a change).</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>
    /// True when the check or probe has stopped reporting: its latest result is older than the store's rule allows
    /// (<see cref="HealthStaleness.IsStale"/>). The last status reported then says nothing about now, so the state
    /// counts as <see cref="HealthStatus.Unhealthy"/>.
    /// </summary>
    [JsonPropertyName("stale")]
    public bool IsStale { get; init; }

    /// <summary>The status this state counts as: <see cref="HealthStatus.Unhealthy"/> when stale, else the latest result's.</summary>
    public HealthStatus Status => IsStale ? HealthStatus.Unhealthy : Latest.Status;

    /// <summary>
    /// The worst status among <paramref name="states"/>, a stale state counting as unhealthy: what <c>vigil health</c>
    /// exits with; healthy when there are none.
    /// </summary>
    /// <param name="states">The states.</param>
    /// <returns>The greatest <see cref="Status"/>.</returns>
    public static HealthStatus Worst(IReadOnlyCollection<HealthState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return states.Count == 0 ? HealthStatus.Healthy : states.Max(s => s.Status);
    }
}
