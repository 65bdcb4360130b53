namespace Vigil.Model;

/// <summary>One error group with its history, as <c>vigil errors show</c> prints it.</summary>
public sealed record ErrorGroupDetail
{
    /// <summary>The group.</summary>
    public required ErrorGroup Group { get; init; }

    /// <summary>
    /// Events per hour, oldest first, one entry per hour of the requested window including hours with none.
    /// </summary>
    public IReadOnlyList<ErrorHourlyCount> HourlyCounts { get; init; } = [];

    /// <summary>The latest events, newest first.</summary>
    public IReadOnlyList<ErrorEvent> LatestEvents { get; init; } = [];
}
