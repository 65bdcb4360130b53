namespace Vigil.Model;

/// <summary>One change of an alert instance's state, kept in the store as its history (<c>vigil alerts history</c>).</summary>
public sealed record AlertTransition
{
    /// <summary>The store's id for this transition.</summary>
    public long Id { get; init; }

    /// <summary>The instance that changed.</summary>
    public long AlertId { get; init; }

    /// <summary>The instance's rule.</summary>
    public string RuleName { get; init; } = string.Empty;

    /// <summary>The instance's labels.</summary>
    public AlertLabels Labels { get; init; } = AlertLabels.Empty;

    /// <summary>The state before.</summary>
    public AlertState From { get; init; }

    /// <summary>The state after.</summary>
    public AlertState To { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The value the evaluation computed, if any.</summary>
    public double? Value { get; init; }
}
