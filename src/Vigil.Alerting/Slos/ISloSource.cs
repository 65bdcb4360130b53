namespace Vigil.Alerting.Slos;

/// <summary>
/// The SLOs in force, for whatever reports on them (<c>GET /api/slos</c>, the MCP tools): a running server's rule
/// engine, whose list follows reloads, or a <see cref="SloCatalog"/> read once from a configuration file.
/// </summary>
public interface ISloSource
{
    /// <summary>The SLOs, in declaration order.</summary>
    IReadOnlyList<SloDefinition> Slos { get; }
}
