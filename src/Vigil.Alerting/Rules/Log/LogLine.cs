using System.Globalization;
using System.Text;
using Vigil.Model;

namespace Vigil.Alerting.Rules.Log;

/// <summary>One log record as one line of evidence: time, level, service, body (cut, line breaks flattened).</summary>
internal static class LogLine
{
    public static string Of(LogEntry entry)
    {
        var body = entry.Body ?? entry.ExceptionMessage ?? string.Empty;
        if (body.Length > LogCondition.MaxBodyLength)
        {
            body = string.Concat(body.AsSpan(0, LogCondition.MaxBodyLength), "...");
        }

        var flat = new StringBuilder(body.Length);
        foreach (var c in body)
        {
            flat.Append(char.IsControl(c) ? ' ' : c);
        }

        var service = entry.Resource.ServiceName is { Length: > 0 } name ? name : "-";
        return string.Create(CultureInfo.InvariantCulture, $"{entry.Timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {Level(entry.SeverityNumber)} {service}: {flat}");
    }

    /// <summary>The level band of an OpenTelemetry severity number, as <c>LevelGrammar</c> names its bands.</summary>
    private static string Level(int severity) => severity switch
    {
        >= 21 => "FATAL",
        >= 17 => "ERROR",
        >= 13 => "WARN",
        >= 9 => "INFO",
        >= 5 => "DEBUG",
        >= 1 => "TRACE",
        _ => "-",
    };
}
