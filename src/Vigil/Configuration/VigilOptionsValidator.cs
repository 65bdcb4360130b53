using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Vigil.Storage.Configuration;

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
            Add("Export:MaxBatchSize", $"{options.Export.MaxBatchSize} is not allowed: it must not exceed 'Export:MaxQueueSize' ({options.Export.MaxQueueSize})", describeOrigin, errors);
        }

        if (options.Service.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            Add("Service:Name", "is blank: give a name, or leave the key out", describeOrigin, errors);
        }

        if (options.Otlp.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            Add("Otlp:Endpoint", $"{ConfigurationText.Show(endpoint.OriginalString)} is not an absolute http:// or https:// URL", describeOrigin, errors);
        }

        foreach (var (instrument, bounds) in options.Metrics.HistogramBuckets)
        {
            var key = $"Metrics:HistogramBuckets:{instrument}";
            if (bounds is null || bounds.Length == 0)
            {
                Add(key, "is empty: give ascending bucket boundaries such as [0.005, 0.01, 0.1, 1]", describeOrigin, errors);
            }
            else if (bounds.Zip(bounds.Skip(1)).Any(pair => pair.First >= pair.Second) || bounds.Any(b => !double.IsFinite(b)))
            {
                Add(key, $"[{string.Join(", ", bounds.Select(ConfigurationText.Show))}] is not allowed: boundaries must be finite and strictly ascending", describeOrigin, errors);
            }
        }

        foreach (var (category, level) in options.Logging.MinimumLevel)
        {
            if (!Enum.IsDefined(level))
            {
                var key = $"Logging:MinimumLevel:{category}";
                Add(key, $"{(int)level} is not a log level: one of {string.Join(", ", Enum.GetNames(level.GetType()))}", describeOrigin, errors);
            }
        }

        AddBlankEntries(options.Tracing.Sources, "Tracing:Sources", describeOrigin, errors);
        AddBlankEntries(options.Metrics.Meters, "Metrics:Meters", describeOrigin, errors);
        AddBlankEntries(options.Redaction.Keys, "Redaction:Keys", describeOrigin, errors);
        ValidateErrors(options.Errors, describeOrigin, errors);
        ValidateInflux(options.Influx, describeOrigin, errors);
        ValidatePushGateway(options.PushGateway, describeOrigin, errors);
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
                    Add(key, $"{Show(value)} is not allowed: {Expectation(rule)}", describeOrigin, errors);
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
                Add($"{key}:{i}", "is blank: give a name, or remove the entry", describeOrigin, errors);
            }
        }
    }

    private static string Expectation(ValidationAttribute rule) => rule switch
    {
        RangeAttribute range => $"a value from {range.Minimum} to {range.Maximum}",
        RequiredAttribute => "a value is required",
        _ => rule.FormatErrorMessage("value"),
    };

    private static string Show(object? value) => value switch
    {
        null => "nothing",
        string text => ConfigurationText.Show(text),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => $"'{value}'",
    };

    private static void Add(string key, string message, Func<string, string> describeOrigin, List<string> errors) =>
        errors.Add(VigilOptionsLoader.Render(new ConfigurationProblem(key, message), describeOrigin));
}
