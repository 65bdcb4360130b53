namespace Vigil.Api.Contracts.V1;

/// <summary>One project, or one target of a project, of an <see cref="ApiBuildDetail"/>, summed over its spans.</summary>
public sealed record ApiBuildPart
{
    /// <summary>The project's name.</summary>
    public string Project { get; init; } = string.Empty;

    /// <summary>The target's name; null for a project.</summary>
    public string? Target { get; init; }

    /// <summary>Its own time: its spans' durations minus the time spent in the projects they built.</summary>
    public TimeSpan Self { get; init; }

    /// <summary>Its spans' durations added up.</summary>
    public TimeSpan Wall { get; init; }

    /// <summary>How many spans it had (a project built for several callers has several).</summary>
    public int Spans { get; init; }

    /// <summary>When its first span started.</summary>
    public DateTimeOffset FirstStart { get; init; }

    /// <summary>When its last span ended.</summary>
    public DateTimeOffset LastEnd { get; init; }
}
