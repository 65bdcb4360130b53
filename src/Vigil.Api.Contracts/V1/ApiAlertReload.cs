namespace Vigil.Api.Contracts.V1;

/// <summary>A reload of the rules (the answer to <c>POST /api/alerts/reload</c>): on any problem the rules in force stay.</summary>
public sealed record ApiAlertReload
{
    /// <summary>When it was tried.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>What asked for it: <c>api</c>, <c>file change</c> or <c>start</c>.</summary>
    public string Trigger { get; init; } = string.Empty;

    /// <summary>Whether the new rules are in force.</summary>
    public bool Succeeded { get; init; }

    /// <summary>How many rules are in force after it.</summary>
    public int Rules { get; init; }

    /// <summary>Each problem, naming the rule, the field and what is allowed; empty on success.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
