namespace Vigil.Api.Contracts.V1;

/// <summary>The events of one hour.</summary>
public sealed record ApiErrorHourlyCount
{
    /// <summary>The hour's start.</summary>
    public DateTimeOffset Hour { get; init; }

    /// <summary>How many events.</summary>
    public long Count { get; init; }
}
