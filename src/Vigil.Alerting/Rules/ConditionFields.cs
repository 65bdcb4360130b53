using Vigil.Model.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules.Conditions;

/// <summary>
/// Reads the fields the metric, log and absence kinds share (a window, a threshold, attribute filters, names),
/// adding a problem that names the key path and what is allowed for every bad one.
/// </summary>
internal static class ConditionFields
{
    /// <summary>The most attribute filters or group-by names a rule may list: each is work per evaluation.</summary>
    public const int MaxListLength = 16;

    /// <summary>The longest metric, service, attribute name or value accepted.</summary>
    public const int MaxNameLength = 256;

    public static TimeSpan Duration(string? text, TimeSpan fallback, TimeSpan min, TimeSpan max, string path, List<ConfigurationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var range = $"from {Show(min)} to {Show(max)}";
        if (!DurationGrammar.TryParse(text, out var duration))
        {
            problems.Add(new(path, $"{ConfigurationText.Show(text)} is not a duration: use {DurationGrammar.Allowed}, {range}"));
            return fallback;
        }

        if (duration < min || duration > max)
        {
            problems.Add(new(path, $"{ConfigurationText.Show(text)} is out of range: {range}"));
            return fallback;
        }

        return duration;
    }

    public static RuleComparison Comparison(string? text, string path, List<ConfigurationProblem> problems)
    {
        if (RuleComparison.TryParse(text, out var comparison))
        {
            return comparison;
        }

        problems.Add(new(path, $"{ConfigurationText.Show(text)} is not a comparison: use {RuleComparison.Allowed}"));
        return RuleComparison.Above;
    }

    public static double Threshold(double? value, double? fallback, string path, List<ConfigurationProblem> problems)
    {
        if (value is null && fallback is { } given)
        {
            return given;
        }

        if (value is not { } number)
        {
            problems.Add(new(path, "is missing: give the number the value is compared with"));
            return 0;
        }

        if (!double.IsFinite(number))
        {
            problems.Add(new(path, $"{ConfigurationText.Show(number)} is not a finite number"));
            return 0;
        }

        return number;
    }

    /// <summary>A name such as a metric or a service: optional unless <paramref name="required"/>.</summary>
    public static string? Name(string? text, bool required, string what, string path, List<ConfigurationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(new(path, $"is missing: give {what}"));
            }

            return null;
        }

        if (text.Length > MaxNameLength || text.Any(char.IsControl))
        {
            problems.Add(new(path, $"{ConfigurationText.Show(text)} is not {what}: at most {MaxNameLength} characters, no control characters"));
            return null;
        }

        return text.Trim();
    }

    /// <summary>Attribute equality filters (<c>"Where": { "http.route": "/cart" }</c>), compared with an attribute's text form.</summary>
    public static List<KeyValuePair<string, string>> Where(IDictionary<string, string> where, string path, List<ConfigurationProblem> problems)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (where.Count > MaxListLength)
        {
            problems.Add(new(path, $"has {where.Count} filters: at most {MaxListLength}"));
            return result;
        }

        foreach (var (key, value) in where.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key.Length > MaxNameLength || key.Any(char.IsControl) || string.IsNullOrWhiteSpace(key))
            {
                problems.Add(new($"{path}:{key}", $"is not an attribute name: 1 to {MaxNameLength} characters, no control characters"));
            }
            else if (value is null || value.Length > MaxNameLength || value.Any(char.IsControl))
            {
                problems.Add(new($"{path}:{key}", $"{ConfigurationText.Show(value)} is not an attribute value: at most {MaxNameLength} characters, no control characters"));
            }
            else
            {
                result.Add(new(key, value));
            }
        }

        return result;
    }

    public static string Show(TimeSpan duration) =>
        duration.TotalDays >= 1 && duration.TotalDays == Math.Floor(duration.TotalDays) ? FormattableString.Invariant($"{duration.TotalDays:0}d")
        : duration.TotalHours >= 1 && duration.TotalHours == Math.Floor(duration.TotalHours) ? FormattableString.Invariant($"{duration.TotalHours:0}h")
        : duration.TotalMinutes >= 1 && duration.TotalMinutes == Math.Floor(duration.TotalMinutes) ? FormattableString.Invariant($"{duration.TotalMinutes:0}m")
        : FormattableString.Invariant($"{duration.TotalSeconds:0.###}s");
}
