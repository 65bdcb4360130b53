namespace Vigil.Model.Prometheus;

/// <summary>One sample line: the family name plus <see cref="Suffix"/>, its labels and value.</summary>
/// <param name="Suffix">Appended to the family name (<c>_count</c>), or empty.</param>
/// <param name="Labels">The inside of the braces, already escaped (see <c>PrometheusNames.LabelSet</c>), or empty.</param>
/// <param name="Value">The value.</param>
internal sealed record ExpositionSample(string Suffix, string Labels, double Value);
