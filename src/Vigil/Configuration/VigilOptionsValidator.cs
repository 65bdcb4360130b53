using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Vigil.Configuration;

/// <summary>
/// Checks bound options as a whole: the <c>[Range]</c> and <c>[Required]</c> rules of every section and
/// the rules that span keys. Every problem is collected, so one start-up shows them all.
/// </summary>
internal static partial class VigilOptionsValidator
{
    public static IReadOnlyList<string> Validate(VigilOptions options, Func<string, string> describeOrigin)
    {
        var errors = new List<string>();
        foreach (var section in typeof(VigilOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            ValidateAnnotations(section.GetValue(options)!, section.Name, describeOrigin, errors);
        }

        if (options.Export.MaxQueueSize >= 1 && options.Export.MaxBatchSize > options.Export.MaxQueueSize)
        {
            errors.Add($"'Export:MaxBatchSize' is {options.Export.MaxBatchSize}{Origin("Export:MaxBatchSize", describeOrigin)}: it must not exceed 'Export:MaxQueueSize' ({options.Export.MaxQueueSize}).");
        }

        if (options.Service.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"'Service:Name' is empty{Origin("Service:Name", describeOrigin)}: give a name or leave the key out.");
        }

        if (options.Otlp.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"'Otlp:Endpoint' is '{endpoint}'{Origin("Otlp:Endpoint", describeOrigin)}: expected an absolute http:// or https:// address.");
        }

        foreach (var (instrument, bounds) in options.Metrics.HistogramBuckets)
        {
            var key = $"Metrics:HistogramBuckets:{instrument}";
            if (bounds is null || bounds.Length == 0)
            {
                errors.Add($"'{key}' is empty{Origin(key, describeOrigin)}: expected ascending bucket boundaries such as [0.005, 0.01, 0.1, 1].");
            }
            else if (bounds.Zip(bounds.Skip(1)).Any(pair => pair.First >= pair.Second) || bounds.Any(b => !double.IsFinite(b)))
            {
                errors.Add($"'{key}' is [{string.Join(", ", bounds.Select(b => b.ToString(CultureInfo.InvariantCulture)))}]{Origin(key, describeOrigin)}: boundaries must be finite and strictly ascending.");
            }
        }

        foreach (var (category, level) in options.Logging.MinimumLevel)
        {
            if (!Enum.IsDefined(level))
            {
                var key = $"Logging:MinimumLevel:{category}";
                errors.Add($"'{key}' is {(int)level}{Origin(key, describeOrigin)}: expected one of {string.Join(", ", Enum.GetNames(level.GetType()))}.");
            }
        }

        AddBlankEntries(options.Tracing.Sources, "Tracing:Sources", describeOrigin, errors);
        AddBlankEntries(options.Metrics.Meters, "Metrics:Meters", describeOrigin, errors);
        AddBlankEntries(options.Redaction.Keys, "Redaction:Keys", describeOrigin, errors);
        ValidateErrors(options.Errors, describeOrigin, errors);
        return errors;
    }

    private static void ValidateAnnotations(object section, string path, Func<string, string> describeOrigin, List<string> errors)
    {
        foreach (var property in section.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(section);
            var key = $"{path}:{property.Name}";
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!rule.IsValid(value))
                {
                    errors.Add($"'{key}' is {Show(value)}{Origin(key, describeOrigin)}: {Expectation(rule)}.");
                }
            }
        }
    }

    private static void AddBlankEntries(IList<string> entries, string key, Func<string, string> describeOrigin, List<string> errors)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i]))
            {
                errors.Add($"'{key}:{i}' is empty{Origin($"{key}:{i}", describeOrigin)}: expected a name.");
            }
        }
    }

    private static string Expectation(ValidationAttribute rule) => rule switch
    {
        RangeAttribute range => $"expected a value from {range.Minimum} to {range.Maximum}",
        RequiredAttribute => "a value is required",
        _ => rule.FormatErrorMessage("value"),
    };

    private static string Show(object? value) => value switch
    {
        null => "missing",
        string text => $"'{text}'",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => $"'{value}'",
    };

    private static string Origin(string key, Func<string, string> describeOrigin) => $" (from {describeOrigin(key)})";
}
