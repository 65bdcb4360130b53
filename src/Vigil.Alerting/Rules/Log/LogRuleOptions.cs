using System.ComponentModel;

namespace Vigil.Alerting.Rules.Log;

/// <summary>
/// A log rule as configured: the count of log records that match its filters over a window, per service, against a
/// threshold (<c>"Log": { "Service": "shop", "Level": "error", "Window": "1m", "Threshold": 3 }</c>).
/// </summary>
[Description("a log rule's Log section")]
public sealed class LogRuleOptions
{
    /// <summary>Only records of this <c>service.name</c>; without it, each service with matches is its own instance.</summary>
    public string? Service { get; set; }

    /// <summary>Only records at this level or above (<c>LevelGrammar</c>: trace, debug, info, warn, error, fatal).</summary>
    public string? Level { get; set; }

    /// <summary>Only records whose body holds this text, as <c>vigil logs --grep</c> (whole words, ASCII case ignored).</summary>
    public string? Text { get; set; }

    /// <summary>Only records whose attributes have these values (text form).</summary>
    public IDictionary<string, string> Where { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The window counted, ending at the evaluation (default 5m, 1s to 7d).</summary>
    public string? Window { get; set; }

    /// <summary>How the count is compared with <see cref="Threshold"/> (default <c>&gt;</c>).</summary>
    public string? Comparison { get; set; }

    /// <summary>The threshold (default 0: with <c>&gt;</c>, any matching record).</summary>
    public double? Threshold { get; set; }
}
