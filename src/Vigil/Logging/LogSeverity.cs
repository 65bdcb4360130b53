using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace Vigil.Logging;

/// <summary>
/// Names and numbers of a record's level. OpenTelemetry severity numbers run 1-24 in six bands
/// of four; ILogger levels map to the first number of each band, as the OpenTelemetry .NET SDK
/// and its OTLP exporter do: Trace=1, Debug=5, Information=9, Warning=13, Error=17, Critical=21.
/// (<c>LogRecord.Severity</c> is not public in OpenTelemetry 1.20, so the level comes from <c>LogLevel</c>.)
/// </summary>
internal static class LogSeverity
{
    // Indexed by band: (severity number - 1) / 4.
    private static readonly string[] s_levelNames = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];
    private static readonly string[] s_shortNames = ["TRC", "DBG", "INF", "WRN", "ERR", "CRT"];

    /// <summary>The OpenTelemetry severity number, 1-24; 0 (unspecified) for <see cref="LogLevel.None"/>.</summary>
    public static int GetSeverityNumber(LogRecord record) => GetSeverityNumber(record.LogLevel);

    /// <summary>The OpenTelemetry severity number of a level, 1-24; 0 (unspecified) for <see cref="LogLevel.None"/>.</summary>
    public static int GetSeverityNumber(LogLevel level) => level switch
    {
        LogLevel.Trace => 1,
        LogLevel.Debug => 5,
        LogLevel.Information => 9,
        LogLevel.Warning => 13,
        LogLevel.Error => 17,
        LogLevel.Critical => 21,
        _ => 0,
    };

    /// <summary>The band index 0 (Trace) to 5 (Critical); an unspecified severity counts as Information.</summary>
    public static int GetBand(int severityNumber) => severityNumber is <= 0 or > 24 ? 2 : (severityNumber - 1) / 4;

    /// <summary>The ILogger level name, e.g. <c>Information</c>.</summary>
    public static string GetLevelName(int severityNumber) => s_levelNames[GetBand(severityNumber)];

    /// <summary>The three-letter level shown by the pretty console, e.g. <c>INF</c>.</summary>
    public static string GetShortName(int severityNumber) => s_shortNames[GetBand(severityNumber)];
}
