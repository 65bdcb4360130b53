using System.Globalization;
using Vigil.Model.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules;

/// <summary>
/// Checks shared by the rule validator and the kinds' own validation, so that every kind says the same thing about
/// the same mistake: durations in <see cref="DurationGrammar"/>, choices from a list, non-blank names.
/// </summary>
internal static class RuleFields
{
    /// <summary>Reads an optional duration within a range; adds a problem and returns null when it is wrong.</summary>
    /// <param name="text">The configured text, or null when absent.</param>
    /// <param name="path">Its key path.</param>
    /// <param name="min">The least allowed.</param>
    /// <param name="max">The most allowed.</param>
    /// <param name="problems">Where problems go.</param>
    /// <returns>The duration; null when absent or wrong.</returns>
    public static TimeSpan? Duration(string? text, string path, TimeSpan min, TimeSpan max, ICollection<ConfigurationProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        var range = $"from {Show(min)} to {Show(max)}";
        if (!DurationGrammar.TryParse(text.Trim(), out var duration))
        {
            problems.Add(new(path, $"{ConfigurationText.Show(text)} is not a duration: {DurationGrammar.Allowed}, {range}"));
            return null;
        }

        if (duration < min || duration > max)
        {
            problems.Add(new(path, $"{ConfigurationText.Show(text)} is out of range: {range}"));
            return null;
        }

        return duration;
    }

    /// <summary>Reads an optional choice from a list of lower-case words, case-insensitively.</summary>
    /// <param name="text">The configured text, or null when absent.</param>
    /// <param name="path">Its key path.</param>
    /// <param name="allowed">The words.</param>
    /// <param name="problems">Where problems go.</param>
    /// <returns>The word in its lower-case spelling; null when absent or wrong.</returns>
    public static string? Choice(string? text, string path, IReadOnlyList<string> allowed, ICollection<ConfigurationProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        var found = allowed.FirstOrDefault(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            problems.Add(new(path, $"{ConfigurationText.Show(text)} is not allowed: {string.Join(", ", allowed)}"));
        }

        return found;
    }

    /// <summary>Reports a value that is present but blank.</summary>
    /// <param name="text">The configured text, or null when absent.</param>
    /// <param name="path">Its key path.</param>
    /// <param name="expected">What to give instead, e.g. "a service.name".</param>
    /// <param name="problems">Where problems go.</param>
    public static void NotBlank(string? text, string path, string expected, ICollection<ConfigurationProblem> problems)
    {
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(path, $"is blank: give {expected}, or leave the key out"));
        }
    }

    /// <summary>The short form of a duration for messages: 1s, 5m, 7d.</summary>
    /// <param name="duration">The duration.</param>
    /// <returns>The text.</returns>
    public static string Show(TimeSpan duration) =>
        duration == TimeSpan.Zero ? "0s"
        : duration.TotalDays % 1 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalDays:0}d")
        : duration.TotalHours % 1 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0}h")
        : duration.TotalMinutes % 1 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMinutes:0}m")
        : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.###}s");
}
