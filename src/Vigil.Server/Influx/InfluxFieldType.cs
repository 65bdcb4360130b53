namespace Vigil.Server.Influx;

/// <summary>The five field value types of line protocol.</summary>
internal enum InfluxFieldType
{
    Float,
    Integer,
    UnsignedInteger,
    String,
    Boolean,
}
