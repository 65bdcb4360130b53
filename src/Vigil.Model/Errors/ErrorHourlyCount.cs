namespace Vigil.Model;

/// <summary>The events of an error group in one hour (UTC, on the hour).</summary>
/// <param name="Hour">The start of the hour.</param>
/// <param name="Count">The events in that hour.</param>
public sealed record ErrorHourlyCount(DateTimeOffset Hour, long Count);
