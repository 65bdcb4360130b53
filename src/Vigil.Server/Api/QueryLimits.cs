namespace Vigil.Server.Api;

/// <summary>The bounds every query parameter is checked against, so one request cannot ask for unbounded work.</summary>
internal static class QueryLimits
{
    /// <summary>The most records or traces one request returns.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>The longest free-text search string.</summary>
    public const int MaxTextLength = 1024;

    /// <summary>The longest name, key or value (service, attribute, metric).</summary>
    public const int MaxNameLength = 512;

    /// <summary>How many <c>where</c> or <c>by</c> parameters one request may carry.</summary>
    public const int MaxRepeats = 32;

    /// <summary>The most buckets a metric query may make (the CLI's own bound).</summary>
    public const int MaxBuckets = 10_000;
}
