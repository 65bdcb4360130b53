using System.Globalization;

namespace Vigil.Server.Api;

/// <summary>Checks for values with a fixed shape: trace ids and log levels.</summary>
internal static class ApiParse
{
    public static string? TraceId(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return text.Length == 32 && text.All(char.IsAsciiHexDigit)
            ? text.ToLowerInvariant()
            : throw new BadParameterException($"{name}: '{Shorten(text)}' is not a trace id (32 hex digits)");
    }

    /// <summary>A severity number (1 to 24) or a level name; names map to the lowest number of their OpenTelemetry range.</summary>
    public static int? Severity(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 24)
        {
            return number;
        }

        return text.ToLowerInvariant() switch
        {
            "trace" or "trc" => 1,
            "debug" or "dbg" => 5,
            "info" or "information" or "inf" => 9,
            "warn" or "warning" or "wrn" => 13,
            "error" or "err" or "fail" => 17,
            "fatal" or "critical" or "crit" or "ftl" => 21,
            _ => throw new BadParameterException($"{name}: '{Shorten(text)}' is not a level (trace, debug, info, warn, error, fatal, or a severity number 1 to 24)"),
        };
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
