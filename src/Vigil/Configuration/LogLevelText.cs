using Microsoft.Extensions.Logging;
using Vigil.Model.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Configuration;

/// <summary>
/// How configuration reads a <see cref="LogLevel"/> (<c>Errors:MinimumLogLevel</c>, <c>Logging:MinimumLevel:*</c>): the
/// one level grammar the CLI's <c>--level</c> and the query API take, plus <c>None</c>, which turns a category off.
/// </summary>
internal static class LogLevelText
{
    public static ConfigurationScalar Scalar { get; } = new($"a log level: {LevelGrammar.Allowed}; or none", Read);

    /// <summary>The level's name in that grammar, for the <c>Errors</c> section's shared rules; a number when it has none.</summary>
    public static string Name(LogLevel level) =>
        Enum.IsDefined(level) ? level.ToString() : ((int)level).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Read(string text)
    {
        if (text.Trim().Equals(nameof(LogLevel.None), StringComparison.OrdinalIgnoreCase))
        {
            return nameof(LogLevel.None);
        }

        // The grammar names the first severity number of each band, as LogSeverity maps the levels.
        LogLevel? level = LevelGrammar.TryParse(text, out var severity)
            ? severity switch
            {
                1 => LogLevel.Trace,
                5 => LogLevel.Debug,
                9 => LogLevel.Information,
                13 => LogLevel.Warning,
                17 => LogLevel.Error,
                _ => LogLevel.Critical,
            }
            : null;
        return level?.ToString();
    }
}
