namespace Vigil.Server.Influx;

/// <summary>One parsed line: measurement, tags in line order, fields in line order, and the time if the line has one.</summary>
internal sealed record InfluxPoint(string Measurement, IReadOnlyList<KeyValuePair<string, string>> Tags, IReadOnlyList<InfluxField> Fields, DateTimeOffset? Timestamp);
