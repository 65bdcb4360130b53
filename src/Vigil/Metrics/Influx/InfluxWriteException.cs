namespace Vigil.Metrics.Influx;

/// <summary>A write InfluxDB refused, or that failed on every attempt; reported through the SDK's event source, never to the app.</summary>
internal sealed class InfluxWriteException(string message) : Exception(message);
