using Vigil.Logging;
using Vigil.Storage;

namespace Vigil.Errors;

/// <summary>Turns the validated <c>Errors</c> section into the options the local store groups with.</summary>
internal static class ErrorTrackingOptionsMapper
{
    public static ErrorTrackingOptions ToStoreOptions(ErrorsOptions options)
    {
        var fingerprint = FingerprintOptions.Default;
        return ErrorTrackingOptions.Default with
        {
            MinimumLogSeverity = LogSeverity.GetSeverityNumber(options.MinimumLogLevel),
            SpikeFactor = options.SpikeFactor,
            SpikeMinimumEvents = options.SpikeMinimumEvents,
            Fingerprint = new FingerprintOptions
            {
                InAppIncludePrefixes = [.. options.InAppInclude],
                InAppExcludePrefixes = [.. fingerprint.InAppExcludePrefixes, .. options.InAppExclude],
                ExplicitFingerprintAttributes = fingerprint.ExplicitFingerprintAttributes,
                Rules = [.. options.GroupingRules.Select(ToGroupingRule)],
            },
            SeverityRules = [.. options.SeverityRules.Select(ToSeverityRule)],
        };
    }

    /// <summary>Reads <c>key=value</c>; the key must not be blank, the value may be empty.</summary>
    public static bool TryParseAttribute(string text, out KeyValuePair<string, string> attribute)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var key = equals > 0 ? text[..equals].Trim() : string.Empty;
        attribute = new(key, equals > 0 ? text[(equals + 1)..].Trim() : string.Empty);
        return key.Length > 0;
    }

    private static GroupingRule ToGroupingRule(ErrorGroupingRuleOptions rule) => new()
    {
        Types = [.. rule.Types],
        Fingerprints = [.. rule.Fingerprints],
        MergeInto = string.IsNullOrWhiteSpace(rule.MergeInto) ? null : rule.MergeInto,
        SplitByAttributes = [.. rule.SplitByAttributes],
    };

    private static SeverityRule ToSeverityRule(ErrorSeverityRuleOptions rule) => new()
    {
        Type = rule.Type,
        Service = rule.Service,
        Attribute = rule.Attribute is { } text && TryParseAttribute(text, out var attribute) ? attribute : null,
        Severity = rule.Severity ?? ErrorSeverity.Medium,
    };
}
