namespace Vigil.Api.Contracts.V1;

/// <summary>One change of an alert instance's state.</summary>
public sealed record ApiAlertTransition
{
    /// <summary>The transition's id.</summary>
    public long Id { get; init; }

    /// <summary>The instance that changed.</summary>
    public long AlertId { get; init; }

    /// <summary>The instance's rule.</summary>
    public string RuleName { get; init; } = string.Empty;

    /// <summary>The instance's labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The state before.</summary>
    public ApiAlertState From { get; init; }

    /// <summary>The state after.</summary>
    public ApiAlertState To { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The value the evaluation computed, if any.</summary>
    public double? Value { get; init; }
}
