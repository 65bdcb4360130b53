using Vigil.Model;

namespace Vigil.Mcp.Tools;

/// <summary>One silence.</summary>
internal sealed record SilenceView
{
    public required long Id { get; init; }

    public required IReadOnlyList<string> Matchers { get; init; }

    public required string State { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset EndsAt { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Comment { get; init; }

    public static SilenceView Of(Silence silence, DateTimeOffset now) => new()
    {
        Id = silence.Id,
        Matchers = [.. silence.Matchers.Select(m => m.ToString())],
        State = silence.StateAt(now).ToString().ToLowerInvariant(),
        StartsAt = silence.StartsAt,
        EndsAt = silence.EndsAt,
        CreatedBy = silence.CreatedBy,
        CreatedAt = silence.CreatedAt,
        Comment = silence.Comment,
    };
}
