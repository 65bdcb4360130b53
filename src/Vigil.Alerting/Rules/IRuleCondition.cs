namespace Vigil.Alerting.Rules;

/// <summary>
/// What a rule kind computes: one evaluation of one rule against the store, as samples, one per label set it looked
/// at. The engine turns samples into alert instances (adding <c>alertname</c>, <c>severity</c> and the rule's labels),
/// moves each through its state machine, saves and notifies; a condition only reads and computes.
/// </summary>
/// <remarks>
/// A condition is built once per rule (and again on reload) by its <see cref="RuleKind.Create"/> and may keep what
/// it learns between evaluations; the engine never evaluates one rule twice at once. It should bound its queries
/// (a window, a limit): a slow condition delays only its own rule. An exception fails this evaluation only: the engine
/// logs and counts it and keeps the rule's instances as they were.
/// </remarks>
internal interface IRuleCondition
{
    /// <summary>Evaluates the rule once.</summary>
    /// <param name="context">The time, the rule and the store roles it may read.</param>
    /// <param name="cancellationToken">Cancels the evaluation (on shutdown, or reload).</param>
    /// <returns>
    /// The samples: each label set at most once. A label set that is absent (or whose sample is not
    /// <see cref="RuleSample.IsActive"/>) counts as "condition does not hold"; a firing instance then resolves.
    /// </returns>
    Task<IReadOnlyList<RuleSample>> EvaluateAsync(RuleContext context, CancellationToken cancellationToken);
}
