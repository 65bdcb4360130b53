using Vigil.Mcp.Arguments;
using Vigil.Model;

namespace Vigil.Mcp.Tools;

/// <summary>One error group's summary.</summary>
internal sealed record ErrorGroupView
{
    public required long Id { get; init; }

    public required string Type { get; init; }

    public string? Message { get; init; }

    public string? Culprit { get; init; }

    public required long Count { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset LastSeen { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset? StatusChanged { get; init; }

    public required string Severity { get; init; }

    public required bool IsRegression { get; init; }

    public required IReadOnlyList<string> Services { get; init; }

    public static ErrorGroupView Of(ErrorGroup group) => new()
    {
        Id = group.Id,
        Type = group.Type,
        Message = Shortened.Text(group.Message, 300),
        Culprit = group.Culprit,
        Count = group.Count,
        FirstSeen = group.FirstSeen,
        LastSeen = group.LastSeen,
        Status = group.Status.ToString().ToLowerInvariant(),
        StatusChanged = group.StatusChanged,
        Severity = group.Severity.ToString().ToLowerInvariant(),
        IsRegression = group.IsRegression,
        Services = group.Services,
    };
}
