using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Gives an exception its severity: the first matching rule of <see cref="ErrorTrackingOptions.SeverityRules"/>, then
/// of <see cref="ErrorTrackingOptions.DefaultSeverityRules"/>, else <see cref="ErrorTrackingOptions.DefaultSeverity"/>.
/// </summary>
internal static class SeverityClassifier
{
    public static ErrorSeverity Classify(
        string type, string? service, IReadOnlyDictionary<string, string> attributes, ErrorTrackingOptions options)
    {
        foreach (var rule in options.SeverityRules)
        {
            if (Matches(rule, type, service, attributes))
            {
                return rule.Severity;
            }
        }

        foreach (var rule in ErrorTrackingOptions.DefaultSeverityRules)
        {
            if (Matches(rule, type, service, attributes))
            {
                return rule.Severity;
            }
        }

        return options.DefaultSeverity;
    }

    /// <summary>True when every condition the rule sets holds; a rule that sets none matches everything.</summary>
    public static bool Matches(SeverityRule rule, string type, string? service, IReadOnlyDictionary<string, string> attributes)
    {
        if (rule.Type is not null && !Glob.IsMatch(rule.Type, type) && !Glob.IsMatch(rule.Type, ShortName(type)))
        {
            return false;
        }

        if (rule.Service is not null && !string.Equals(rule.Service, service, StringComparison.Ordinal))
        {
            return false;
        }

        return rule.Attribute is not { } attribute
            || (attributes.TryGetValue(attribute.Key, out var value) && string.Equals(value, attribute.Value, StringComparison.Ordinal));
    }

    /// <summary>The name after the last namespace or nesting separator (Java's <c>$</c>, .NET's <c>+</c>).</summary>
    private static string ShortName(string type)
    {
        var last = type.AsSpan().LastIndexOfAny(".+$:");
        return last < 0 ? type : type[(last + 1)..];
    }
}
