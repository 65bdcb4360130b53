namespace Vigil.Api.Contracts.V1;

/// <summary>One pattern of <c>GET /api/logs/patterns</c>: the records read that were written from one message.</summary>
public sealed record ApiLogPattern
{
    /// <summary>The message template the sender kept, or the body with its numbers, long hex runs and UUIDs masked (<c>&lt;n&gt;</c>, <c>&lt;hex&gt;</c>, <c>&lt;uuid&gt;</c>).</summary>
    public string Pattern { get; init; } = string.Empty;

    /// <summary>How many of the records read have this pattern.</summary>
    public int Count { get; init; }

    /// <summary>The services that logged it (the first ten, in order).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>The highest OpenTelemetry severity number among its records.</summary>
    public int MaxSeverityNumber { get; init; }

    /// <summary>Its oldest record's time.</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>Its newest record's time.</summary>
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>The longest literal text of the pattern: a <c>grep</c> for it lists the pattern's records (and maybe a few others).</summary>
    public string Search { get; init; } = string.Empty;

    /// <summary>Its newest record, as an example.</summary>
    public ApiLogRecord Example { get; init; } = new();
}
