using System.Diagnostics.CodeAnalysis;

namespace Vigil.Alerting.Rules.Conditions;

/// <summary>How a value is compared with its threshold: <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>==</c>, <c>!=</c>.</summary>
internal sealed record RuleComparison
{
    /// <summary>What messages say is allowed.</summary>
    public const string Allowed = ">, >=, <, <=, == or != (default >)";

    private static readonly RuleComparison[] s_all =
    [
        new(">", (v, t) => v > t),
        new(">=", (v, t) => v >= t),
        new("<", (v, t) => v < t),
        new("<=", (v, t) => v <= t),
        new("==", (v, t) => v == t),
        new("!=", (v, t) => v != t),
    ];

    private readonly Func<double, double, bool> _holds;

    private RuleComparison(string symbol, Func<double, double, bool> holds)
    {
        Symbol = symbol;
        _holds = holds;
    }

    /// <summary>The default, "above".</summary>
    public static RuleComparison Above => s_all[0];

    /// <summary>The operator as written.</summary>
    public string Symbol { get; }

    /// <summary>Reads an operator; null or empty text is the default.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RuleComparison? comparison)
    {
        comparison = string.IsNullOrWhiteSpace(text) ? Above : s_all.FirstOrDefault(c => c.Symbol == text.Trim());
        return comparison is not null;
    }

    /// <summary>Whether <paramref name="value"/> compared with <paramref name="threshold"/> holds.</summary>
    public bool Holds(double value, double threshold) => _holds(value, threshold);
}
