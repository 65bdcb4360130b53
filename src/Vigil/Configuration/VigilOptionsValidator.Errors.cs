using Microsoft.Extensions.Logging;
using Vigil.Storage;

namespace Vigil.Configuration;

internal static partial class VigilOptionsValidator
{
    private static void ValidateErrors(ErrorsOptions errorsOptions, Func<string, string> describeOrigin, List<string> errors)
    {
        if (!Enum.IsDefined(errorsOptions.MinimumLogLevel) || errorsOptions.MinimumLogLevel == LogLevel.None)
        {
            errors.Add($"'Errors:MinimumLogLevel' is {errorsOptions.MinimumLogLevel}{Origin("Errors:MinimumLogLevel", describeOrigin)}: expected one of Trace, Debug, Information, Warning, Error, Critical.");
        }

        AddBlankEntries(errorsOptions.InAppInclude, "Errors:InAppInclude", describeOrigin, errors);
        AddBlankEntries(errorsOptions.InAppExclude, "Errors:InAppExclude", describeOrigin, errors);

        for (var i = 0; i < errorsOptions.GroupingRules.Count; i++)
        {
            var rule = errorsOptions.GroupingRules[i];
            var key = $"Errors:GroupingRules:{i}";
            if (rule is null)
            {
                errors.Add($"'{key}' is empty{Origin(key, describeOrigin)}: expected Types or Fingerprints, and MergeInto or SplitByAttributes.");
                continue;
            }

            AddBlankEntries(rule.Types, $"{key}:Types", describeOrigin, errors);
            AddBlankEntries(rule.Fingerprints, $"{key}:Fingerprints", describeOrigin, errors);
            AddBlankEntries(rule.SplitByAttributes, $"{key}:SplitByAttributes", describeOrigin, errors);
            if (rule.Types.Count == 0 && rule.Fingerprints.Count == 0)
            {
                errors.Add($"'{key}' matches nothing{Origin(key, describeOrigin)}: give Types or Fingerprints.");
            }

            var merges = !string.IsNullOrWhiteSpace(rule.MergeInto);
            var splits = rule.SplitByAttributes.Count > 0;
            if (merges == splits)
            {
                errors.Add($"'{key}' {(merges ? "both merges and splits" : "does nothing")}{Origin(key, describeOrigin)}: give either MergeInto or SplitByAttributes.");
            }
        }

        for (var i = 0; i < errorsOptions.SeverityRules.Count; i++)
        {
            var rule = errorsOptions.SeverityRules[i];
            var key = $"Errors:SeverityRules:{i}";
            if (rule?.Severity is not { } severity || !Enum.IsDefined(severity))
            {
                errors.Add($"'{key}:Severity' is {(rule?.Severity is { } value ? (int)value : "missing")}{Origin($"{key}:Severity", describeOrigin)}: expected one of Low, Medium, High, Critical.");
            }

            if (rule?.Attribute is { } attribute && !SeverityRule.TryParseAttribute(attribute, out _))
            {
                errors.Add($"'{key}:Attribute' is '{attribute}'{Origin($"{key}:Attribute", describeOrigin)}: expected key=value, e.g. tenant=internal.");
            }
        }
    }
}
