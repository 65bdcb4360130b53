namespace Vigil.MSBuild;

/// <summary>
/// One project, target or task as the build reported it: kept small (names and times, never the event objects), since
/// a large build raises hundreds of thousands of events and the logger holds its spans until the build ends.
/// </summary>
internal sealed class TimelineSpan(string kind, string name, DateTime startUtc, SpanKey? parent)
{
    public string Kind { get; } = kind;

    public string Name { get; } = name;

    public DateTime StartUtc { get; } = startUtc;

    /// <summary>When it ended; null while running (or when the build stopped before it finished).</summary>
    public DateTime? EndUtc { get; set; }

    /// <summary>The span it ran under, as the build named it (a dropped short span's children move up past it).</summary>
    public SpanKey? Parent { get; } = parent;

    public bool Succeeded { get; set; } = true;

    public string? ProjectFile { get; init; }

    public string? Targets { get; init; }

    public int NodeId { get; init; }

    public List<BuildDiagnostic>? Diagnostics { get; set; }

    public TimeSpan Duration(DateTime buildEndUtc) => (EndUtc ?? buildEndUtc) - StartUtc;
}
