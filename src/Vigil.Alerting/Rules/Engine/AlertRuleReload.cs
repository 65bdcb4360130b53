namespace Vigil.Alerting.Rules;

/// <summary>The outcome of a reload: on any problem the rules in force stay as they were, and the problems say why.</summary>
public sealed record AlertRuleReload
{
    /// <summary>When it was tried.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>What asked for it: <c>api</c>, <c>file change</c> or <c>start</c>.</summary>
    public required string Trigger { get; init; }

    /// <summary>Whether the new rules are in force.</summary>
    public bool Succeeded { get; init; }

    /// <summary>How many rules are in force after it.</summary>
    public int Rules { get; init; }

    /// <summary>The problems, each naming the rule, the field and what is allowed; empty on success.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
