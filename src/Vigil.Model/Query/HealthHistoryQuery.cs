namespace Vigil.Model;

/// <summary>
/// Which results <c>QueryHealthHistoryAsync</c> returns: every check and probe that matches the filters and has a
/// result in [<see cref="From"/>, <see cref="To"/>), ordered by kind, service and name, each with its newest
/// <see cref="PerCheck"/> results of that range, newest first.
/// </summary>
public sealed record HealthHistoryQuery
{
    /// <summary>The default for <see cref="PerCheck"/>.</summary>
    public const int DefaultPerCheck = 60;

    /// <summary>Only checks, or only probes.</summary>
    public HealthSourceKind? Kind { get; init; }

    /// <summary>Only checks of this <c>service.name</c> (probes have the server's).</summary>
    public string? ServiceName { get; init; }

    /// <summary>Only the check or probe of this name.</summary>
    public string? Name { get; init; }

    /// <summary>Only results at or after this time.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only results before this time.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The most results returned for each check or probe (its newest); at least 1.</summary>
    public int PerCheck { get; init; } = DefaultPerCheck;
}
