namespace Vigil.Model;

/// <summary>One health check's or probe's recent results, newest first (<c>QueryHealthHistoryAsync</c>).</summary>
public sealed record HealthHistory
{
    /// <summary>Check or probe.</summary>
    public HealthSourceKind Kind { get; init; }

    /// <summary>The reporting service; null when unknown.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The check's or probe's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its results, newest first.</summary>
    public required IReadOnlyList<HealthHistoryEntry> Results { get; init; }
}
