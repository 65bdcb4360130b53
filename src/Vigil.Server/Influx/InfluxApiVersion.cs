namespace Vigil.Server.Influx;

/// <summary>Which InfluxDB API a write came through: it decides the precision names and the shape of an error.</summary>
internal enum InfluxApiVersion
{
    V1,
    V2,
}
