namespace Vigil.Model;

/// <summary>Which traces <c>QueryTracesAsync</c> lists, newest first.</summary>
public sealed record TraceQuery
{
    /// <summary>The default for <see cref="Limit"/>.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Only traces with at least one span from this <c>service.name</c>.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Only traces whose root span has exactly this name: the runs of one operation, as "compare with" wants.</summary>
    public string? RootName { get; init; }

    /// <summary>Only traces that started at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only traces that started before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only traces that lasted at least this long.</summary>
    public TimeSpan? MinDuration { get; init; }

    /// <summary>Only traces with at least one span whose status is <see cref="SpanStatusCode.Error"/>.</summary>
    public bool ErrorsOnly { get; init; }

    /// <summary>The most traces to return.</summary>
    public int Limit { get; init; } = DefaultLimit;
}
