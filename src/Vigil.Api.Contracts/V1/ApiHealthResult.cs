using System.Text.Json;

namespace Vigil.Api.Contracts.V1;

/// <summary>One health result.</summary>
public sealed record ApiHealthResult
{
    /// <summary>The check's or probe's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Check or probe.</summary>
    public ApiHealthSourceKind Kind { get; init; }

    /// <summary>The reporting service.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The status after any rule (a probe's degraded when slow).</summary>
    public ApiHealthStatus Status { get; init; }

    /// <summary>The status as observed.</summary>
    public ApiHealthStatus Observed { get; init; }

    /// <summary>When it ran.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>How often it runs, if said.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>What it said.</summary>
    public string? Description { get; init; }

    /// <summary>Its data (see <see cref="ApiLogRecord.Attributes"/>).</summary>
    public JsonElement Data { get; init; }
}
