namespace Vigil.Api.Contracts.V1;

/// <summary>The retention a server applies (<see cref="ApiStoreStatus.Retention"/>).</summary>
public sealed record ApiRetentionSettings
{
    /// <summary>Records older than this many seconds are deleted; null: no age limit.</summary>
    public double? MaxAgeSeconds { get; init; }

    /// <summary>The oldest records beyond this many bytes are deleted; null: no size limit.</summary>
    public long? MaxSizeBytes { get; init; }

    /// <summary>How often retention runs, in seconds.</summary>
    public double IntervalSeconds { get; init; }
}
