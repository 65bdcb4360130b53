namespace Vigil.Model;

/// <summary>What an <see cref="ExemplarQuery"/> found.</summary>
public sealed record ExemplarQueryResult
{
    /// <summary>The exemplars, newest point first (a point's own in the order it carried them).</summary>
    public IReadOnlyList<SeriesExemplar> Exemplars { get; init; } = [];

    /// <summary>True when the range held more than the query's limit: the oldest were left out.</summary>
    public bool Truncated { get; init; }
}
