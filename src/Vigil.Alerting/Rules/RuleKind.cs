using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules;

/// <summary>
/// One kind of rule (<c>error</c>, <c>health</c>, <c>metric</c>, ...): how its sub-object is validated and how its
/// condition is built. A kind plugs in by adding its instance to <see cref="RuleKinds.All"/>; the validator, the
/// engine, <c>vigil alerts rules</c> and the docs find it there.
/// </summary>
internal sealed class RuleKind
{
    /// <summary>The name users write in <c>Kind</c>, lower case (<c>error</c>).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The name of the kind's sub-object in <see cref="AlertRuleOptions"/> (<c>Error</c>); the validator reports a
    /// rule that sets another kind's sub-object.
    /// </summary>
    public required string SectionName { get; init; }

    /// <summary>Reads the kind's sub-object from a rule; null when the rule does not set it.</summary>
    public required Func<AlertRuleOptions, object?> Section { get; init; }

    /// <summary>
    /// Checks the kind's own fields. Called with the rule's options and the rule's key path (<c>Alerts:Rules:3</c>);
    /// returns every problem, each with a path under that one (<c>Alerts:Rules:3:Error:Window</c>) and a message
    /// that names what is allowed. The common fields (name, interval, labels...) are already checked elsewhere. The
    /// <see cref="RuleLoadContext"/> is what the kind may read beyond the rule (the budget file).
    /// </summary>
    public required Func<AlertRuleOptions, string, RuleLoadContext, IEnumerable<ConfigurationProblem>> Validate { get; init; }

    /// <summary>Builds the condition of a rule whose <see cref="Validate"/> found no problem, with the same context.</summary>
    public required Func<AlertRuleOptions, RuleLoadContext, IRuleCondition> Create { get; init; }

    /// <summary>
    /// Annotations every rule of the kind carries unless it declares one of the same name: what a notification should
    /// say even when the rule's author wrote nothing (templates, as in <see cref="AlertRuleOptions.Annotations"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> DefaultAnnotations { get; init; } = new Dictionary<string, string>();
}
