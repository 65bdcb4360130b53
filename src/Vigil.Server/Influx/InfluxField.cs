namespace Vigil.Server.Influx;

/// <summary>One field of a line: its key, type, and value (a number for every type but strings, which keep their text).</summary>
internal readonly record struct InfluxField(string Key, InfluxFieldType Type, double Number, string? Text);
