namespace Vigil.Alerting.Slos;

/// <summary>A fixed list of SLOs, as a configuration file declares them, in the file's order.</summary>
/// <param name="Slos">The SLOs.</param>
public sealed record SloCatalog(IReadOnlyList<SloDefinition> Slos) : ISloSource
{
    /// <summary>No SLOs: what a host without a configuration file reports.</summary>
    public static SloCatalog Empty { get; } = new([]);
}
