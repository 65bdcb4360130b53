using Vigil.Storage;

namespace Vigil.Configuration;

/// <summary>
/// The SDK's <c>Errors</c> options as the section the server reads too, so that one validator checks them and one
/// mapping makes the store's options, whether they came from configuration or from code.
/// </summary>
internal static class ErrorTrackingOptionsMapper
{
    public static ErrorTrackingOptions ToStoreOptions(ErrorsOptions options) => ToSection(options).ToOptions();

    public static ErrorTrackingSection ToSection(ErrorsOptions options)
    {
        var section = new ErrorTrackingSection
        {
            MinimumLogLevel = LogLevelText.Name(options.MinimumLogLevel),
            SpikeFactor = options.SpikeFactor,
            SpikeMinimumEvents = options.SpikeMinimumEvents,
        };
        Copy(options.InAppInclude, section.InAppInclude);
        Copy(options.InAppExclude, section.InAppExclude);
        foreach (var rule in options.GroupingRules)
        {
            var copy = new GroupingRuleSection { MergeInto = rule?.MergeInto };
            if (rule is not null)
            {
                Copy(rule.Types, copy.Types);
                Copy(rule.Fingerprints, copy.Fingerprints);
                Copy(rule.SplitByAttributes, copy.SplitByAttributes);
            }

            section.GroupingRules.Add(copy);
        }

        foreach (var rule in options.SeverityRules)
        {
            section.SeverityRules.Add(new SeverityRuleSection { Type = rule?.Type, Service = rule?.Service, Attribute = rule?.Attribute, Severity = rule?.Severity });
        }

        return section;
    }

    private static void Copy(IList<string> from, IList<string> to)
    {
        foreach (var item in from)
        {
            to.Add(item);
        }
    }
}
