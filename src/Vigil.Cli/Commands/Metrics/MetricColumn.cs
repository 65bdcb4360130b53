using Vigil.Model;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>One value of a bucket shown as a column: its name, a note for the header, and how to read it.</summary>
internal sealed record MetricColumn(string Name, string? Note, Func<MetricBucket, double?> Read);
