namespace Vigil.Model;

/// <summary>One metric over [<see cref="From"/>, <see cref="To"/>) in buckets of <see cref="Step"/>.</summary>
public sealed record MetricQuery
{
    /// <summary>The metric name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The start of the range (inclusive); bucket times count from here.</summary>
    public DateTimeOffset From { get; init; }

    /// <summary>The end of the range (exclusive).</summary>
    public DateTimeOffset To { get; init; }

    /// <summary>The bucket width; must be positive.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Only series from this <c>service.name</c>.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Only series whose attributes equal these (text form, as for logs).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

    /// <summary>
    /// The attribute keys to group by (<c>--by key</c>); series that agree on them are combined.
    /// Null groups by the whole attribute set. An empty list combines every series into one.
    /// The key <c>service.name</c> groups by the resource's service.
    /// </summary>
    public IReadOnlyList<string>? GroupBy { get; init; }
}
