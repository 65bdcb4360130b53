namespace Vigil.Model;

/// <summary>Which series' latest points to read (<c>ReadLatestPointsAsync</c>): by name pattern, at most so many.</summary>
public sealed record LatestPointsQuery
{
    /// <summary>The most series any one read returns.</summary>
    public const int MaxLimit = 100_000;

    /// <summary>Only series whose metric name matches this <see cref="Text.NamePattern"/>; null for every series.</summary>
    public string? NamePattern { get; init; }

    /// <summary>The most series to return (1 to <see cref="MaxLimit"/>), the first by metric name (ordinal) then by series.</summary>
    public int Limit { get; init; } = 10_000;

    /// <summary>Throws when the pattern is not a <see cref="Text.NamePattern"/> or the limit is out of range.</summary>
    /// <exception cref="ArgumentException">Either is wrong; the message says which and why.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Limit, MaxLimit);
        if (NamePattern is not null && Text.NamePattern.Check(NamePattern) is { } problem)
        {
            throw new ArgumentException($"The name pattern is {problem}.", nameof(NamePattern));
        }
    }
}
