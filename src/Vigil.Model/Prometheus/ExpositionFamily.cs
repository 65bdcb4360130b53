namespace Vigil.Model.Prometheus;

/// <summary>One metric family: its name as the 0.0.4 text format spells it, type, help and samples.</summary>
/// <param name="Name">The Prometheus name; a counter's ends in <c>_total</c>.</param>
/// <param name="Type"><c>counter</c>, <c>gauge</c> or <c>summary</c>.</param>
/// <param name="Help">One line of help, unescaped.</param>
/// <param name="Samples">The samples.</param>
internal sealed record ExpositionFamily(string Name, string Type, string Help, IReadOnlyList<ExpositionSample> Samples);
