namespace Vigil.Model;

/// <summary>One metric's exemplars over [<see cref="From"/>, <see cref="To"/>), by the time of the point that carries them.</summary>
public sealed record ExemplarQuery
{
    /// <summary>The most exemplars any one read returns.</summary>
    public const int MaxLimit = 1_000;

    /// <summary>The metric name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The start of the range (inclusive).</summary>
    public DateTimeOffset From { get; init; }

    /// <summary>The end of the range (exclusive).</summary>
    public DateTimeOffset To { get; init; }

    /// <summary>Only series from this <c>service.name</c>.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The most exemplars to return (1 to <see cref="MaxLimit"/>), the newest points' first.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Throws when the name is blank, the range is empty or the limit is out of range.</summary>
    /// <exception cref="ArgumentException">One of them is wrong; the message says which.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Limit, MaxLimit);
        if (To <= From)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(To));
        }
    }
}
