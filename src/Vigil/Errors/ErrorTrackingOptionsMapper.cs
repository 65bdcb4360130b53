using Vigil.Grouping;
using Vigil.Logging;
using Vigil.Model;
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
        Attribute = rule.Attribute is { } text && SeverityRule.TryParseAttribute(text, out var attribute) ? attribute : null,
        Severity = rule.Severity ?? ErrorSeverity.Medium,
    };
}
