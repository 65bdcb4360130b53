namespace Vigil;

/// <summary>Which InfluxDB write API the InfluxDB sink speaks.</summary>
public enum InfluxApiVersion
{
    /// <summary>InfluxDB 2.x and 3.x: <c>POST /api/v2/write?org=...&amp;bucket=...</c> with <c>Authorization: Token ...</c>.</summary>
    V2 = 0,

    /// <summary>InfluxDB 1.x: <c>POST /write?db=...&amp;rp=...</c> with a user name and password.</summary>
    V1 = 1,
}
