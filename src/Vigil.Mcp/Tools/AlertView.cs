using Vigil.Mcp.Arguments;
using Vigil.Model;

namespace Vigil.Mcp.Tools;

/// <summary>One alert instance.</summary>
internal sealed record AlertView
{
    public required long Id { get; init; }

    public required string Rule { get; init; }

    public required string State { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public string? Summary { get; init; }

    public double? Value { get; init; }

    public double? Threshold { get; init; }

    public required DateTimeOffset ActiveSince { get; init; }

    public DateTimeOffset? FiredAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public string? AcknowledgementComment { get; init; }

    public static AlertView Of(AlertInstance alert) => new()
    {
        Id = alert.Id,
        Rule = alert.RuleName,
        State = alert.State.ToString().ToLowerInvariant(),
        Labels = alert.Labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
        Summary = Shortened.Text(alert.Annotations.TryGetValue("summary", out var summary) ? summary : null, 300),
        Value = alert.Value,
        Threshold = alert.Threshold,
        ActiveSince = alert.ActiveSince,
        FiredAt = alert.FiredAt,
        ResolvedAt = alert.ResolvedAt,
        AcknowledgedBy = alert.Acknowledgement?.By,
        AcknowledgedAt = alert.Acknowledgement?.At,
        AcknowledgementComment = alert.Acknowledgement?.Comment,
    };
}
