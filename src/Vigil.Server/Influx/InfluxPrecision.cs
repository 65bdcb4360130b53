namespace Vigil.Server.Influx;

/// <summary>
/// The unit of a line's timestamp, from the <c>precision</c> query parameter: nanoseconds unless told. InfluxDB 2.x
/// and 3.x take <c>ns</c>, <c>us</c>, <c>ms</c>, <c>s</c>; 1.x also <c>n</c>, <c>u</c>, <c>m</c> and <c>h</c>.
/// </summary>
internal static class InfluxPrecision
{
    public const string Allowed = "ns, us, ms or s (InfluxDB 1.x also n, u, m, h)";

    /// <summary>Nanoseconds per unit; false for an unknown name.</summary>
    public static bool TryParse(string? text, out long nanosecondsPerUnit)
    {
        nanosecondsPerUnit = text switch
        {
            null or "" or "ns" or "n" => 1,
            "us" or "u" or "µ" => 1_000,
            "ms" => 1_000_000,
            "s" => 1_000_000_000,
            "m" => 60_000_000_000,
            "h" => 3_600_000_000_000,
            _ => 0,
        };
        return nanosecondsPerUnit != 0;
    }
}
