namespace Vigil.Server.Ingest;

/// <summary>One of the server's own figures, in the shape the Prometheus exposition format needs.</summary>
/// <param name="Name">A Prometheus-safe metric name, e.g. <c>vigil_ingest_records_received_total</c>.</param>
/// <param name="Help">One line of help text.</param>
/// <param name="Type"><c>counter</c> or <c>gauge</c>.</param>
/// <param name="Labels">Label names and values, e.g. <c>signal</c>=<c>logs</c>.</param>
/// <param name="Value">The current value.</param>
public sealed record IngestFigure(string Name, string Help, string Type, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)
{
    /// <summary>
    /// A histogram bucket's upper bound (<see cref="double.PositiveInfinity"/> for the last), or null for any other
    /// figure. The exposition spells it as the <c>le</c> label, so the number format stays in one place.
    /// </summary>
    public double? UpperBound { get; init; }
}
