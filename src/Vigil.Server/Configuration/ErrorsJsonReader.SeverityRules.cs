using System.Text.Json;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Configuration;

/// <summary>The <c>SeverityRules</c> array of the <c>Errors</c> section.</summary>
internal static partial class ErrorsJsonReader
{
    private static readonly string[] s_severityKeys = ["Type", "Service", "Attribute", "Severity"];

    /// <summary>The severities as written in configuration.</summary>
    public const string AllowedSeverities = ErrorSeverityNames.Accepted;

    private static List<SeverityRule> ReadSeverityRules(JsonElement array, ConfigReader reader)
    {
        var rules = new List<SeverityRule>();
        foreach (var (element, path) in Items(array, $"{Section}:SeverityRules", "an array of severity rules", reader))
        {
            if (ReadObject(element, path, s_severityKeys, "a severity rule", "each severity rule is an object with Severity and any of Type, Service, Attribute", reader) is not { } values)
            {
                continue;
            }

            var rule = new SeverityRule();
            if (values.TryGetValue("Type", out var type) && NonBlank(type, $"{path}:Type", "an exception type pattern, e.g. *Timeout*", reader) is { } t)
            {
                rule = rule with { Type = t };
            }

            if (values.TryGetValue("Service", out var service) && NonBlank(service, $"{path}:Service", "a service.name", reader) is { } name)
            {
                rule = rule with { Service = name };
            }

            if (values.TryGetValue("Attribute", out var attribute) && reader.String(attribute, $"{path}:Attribute") is { } text)
            {
                if (SeverityRule.TryParseAttribute(text, out var condition))
                {
                    rule = rule with { Attribute = condition };
                }
                else
                {
                    reader.Add($"{path}:Attribute", $"{ConfigReader.Show(attribute)} is not allowed: key=value, e.g. tenant=internal");
                }
            }

            if (!values.TryGetValue("Severity", out var severity))
            {
                reader.Add($"{path}:Severity", $"is required: {AllowedSeverities}");
            }
            else if (ReadSeverity(severity, $"{path}:Severity", reader) is { } s)
            {
                rule = rule with { Severity = s };
            }

            rules.Add(rule);
        }

        return rules;
    }

    private static ErrorSeverity? ReadSeverity(JsonElement value, string path, ConfigReader reader)
    {
        ErrorSeverity? severity = value.ValueKind == JsonValueKind.String && ErrorSeverityNames.TryParse(value.GetString(), out var parsed)
            ? parsed
            : null;
        if (severity is null)
        {
            reader.Add(path, $"{ConfigReader.Show(value)} is not a severity: {AllowedSeverities}");
        }

        return severity;
    }

    private static string? NonBlank(JsonElement value, string path, string expected, ConfigReader reader)
    {
        if (reader.String(value, path) is not { } text)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            reader.Add(path, $"is blank: give {expected}, or leave the key out");
            return null;
        }

        return text.Trim();
    }
}
