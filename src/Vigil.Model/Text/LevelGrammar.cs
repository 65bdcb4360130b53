namespace Vigil.Model.Text;

/// <summary>
/// The one grammar for log level names, shared by the CLI's <c>--level</c>, the query API's <c>level</c> and the
/// server's configuration, so a name one side accepts the others accept too. A name maps to the first
/// OpenTelemetry severity number of its band (Trace=1, Debug=5, Information=9, Warning=13, Error=17, Fatal=21),
/// as the SDK maps ILogger levels. Numbers are the callers' business: only the query API takes them.
/// </summary>
public static class LevelGrammar
{
    /// <summary>What error messages and help say is allowed.</summary>
    public const string Allowed =
        "trace, debug, info, warn, error or fatal, in any case; also verbose (trace), information, warning, critical (fatal) and the short forms trc, dbg, inf, wrn, err, fail, ftl, crit";

    /// <summary>Reads a level name, ignoring case and surrounding white space; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int severity)
    {
        var name = text.Trim();
        // The longest name is 11 characters; a longer text is not a level, and is not upper-cased to find out.
        Span<char> upper = stackalloc char[11];
        severity = 0;
        if (name.Length > upper.Length || name.ToUpperInvariant(upper) != name.Length)
        {
            return false;
        }

        severity = upper[..name.Length] switch
        {
            "TRACE" or "TRC" or "VERBOSE" => 1,
            "DEBUG" or "DBG" => 5,
            "INFO" or "INF" or "INFORMATION" => 9,
            "WARN" or "WRN" or "WARNING" => 13,
            "ERROR" or "ERR" or "FAIL" => 17,
            "FATAL" or "FTL" or "CRITICAL" or "CRIT" => 21,
            _ => 0,
        };
        return severity != 0;
    }
}
