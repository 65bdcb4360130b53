using Vigil.Model;

namespace Vigil.Storage.Logs;

/// <summary>One group of <see cref="LogPatterns.Group"/>: the records written from one message.</summary>
public sealed record LogPattern
{
    /// <summary>The most services a pattern lists (a pattern logged by every service of a large fleet lists the first ones).</summary>
    public const int MaxServices = 10;

    /// <summary>The template, or the body with its varying parts masked.</summary>
    public string Pattern { get; init; } = string.Empty;

    /// <summary>How many of the records read have this pattern.</summary>
    public int Count { get; init; }

    /// <summary>The services that logged it (at most <see cref="MaxServices"/>), in order.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>The highest severity number among its records.</summary>
    public int MaxSeverityNumber { get; init; }

    /// <summary>Its oldest record's time.</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>Its newest record's time.</summary>
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>Its newest record, as an example.</summary>
    public LogEntry Newest { get; init; } = new();
}
