namespace Vigil.Alerting.Slos;

/// <summary>The configured SLOs, in the configuration's order.</summary>
/// <param name="Slos">The SLOs.</param>
public sealed record SloCatalog(IReadOnlyList<SloDefinition> Slos);
