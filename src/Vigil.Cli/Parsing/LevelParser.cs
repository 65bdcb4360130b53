namespace Vigil.Cli.Parsing;

/// <summary>Reads a minimum log level: short names (<c>warn</c>) and full names (<c>warning</c>).</summary>
internal static class LevelParser
{
    /// <summary>The names <c>--level</c> accepts, for messages and help.</summary>
    public const string Accepted = "trace, debug, info, warn, error or fatal";

    /// <summary>Parses <paramref name="text"/> case-insensitively.</summary>
    public static bool TryParse(string text, out CliLogLevel level)
    {
        level = text.Trim().ToUpperInvariant() switch
        {
            "TRACE" or "TRC" or "VERBOSE" => CliLogLevel.Trace,
            "DEBUG" or "DBG" => CliLogLevel.Debug,
            "INFO" or "INF" or "INFORMATION" => CliLogLevel.Information,
            "WARN" or "WRN" or "WARNING" => CliLogLevel.Warning,
            "ERROR" or "ERR" or "FAIL" => CliLogLevel.Error,
            "FATAL" or "FTL" or "CRITICAL" or "CRIT" => CliLogLevel.Fatal,
            _ => CliLogLevel.None,
        };
        return level != CliLogLevel.None;
    }
}
