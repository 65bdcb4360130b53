using System.Globalization;
using System.Text;
using Vigil.Model;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules;

/// <summary>
/// An annotation with fields filled in per instance. The syntax is deliberately tiny: <c>{{ value }}</c> (the value
/// the evaluation computed), <c>{{ threshold }}</c>, <c>{{ detail }}</c> (the evidence's one line of what was
/// measured, where the kind gives one), and <c>{{ labels.NAME }}</c> (an instance label such as
/// <c>service</c> or <c>alertname</c>); spaces inside the braces are optional; everything else is literal text.
/// A number is written with up to four decimals (<c>12.5</c>); a missing value or label is written as nothing.
/// Every <c>{{</c> opens a field, so a template that names anything else is rejected at start.
/// </summary>
internal sealed class AnnotationTemplate
{
    /// <summary>What messages say is allowed inside the braces.</summary>
    public const string Allowed = "{{ value }}, {{ threshold }}, {{ detail }} or {{ labels.NAME }}";

    /// <summary>The longest template accepted.</summary>
    public const int MaxLength = 4096;

    // Literal text and fields alternate: a field is a name ("value", "threshold") or "labels." + a label name.
    private readonly IReadOnlyList<(string Text, string? Field)> _parts;

    private AnnotationTemplate(IReadOnlyList<(string Text, string? Field)> parts, string text)
    {
        _parts = parts;
        Text = text;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>Parses a template.</summary>
    /// <param name="text">The template.</param>
    /// <param name="template">The parsed template.</param>
    /// <param name="error">What is wrong, naming what is allowed; null when it parsed.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParse(string text, out AnnotationTemplate template, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        template = new AnnotationTemplate([], text);
        if (text.Length > MaxLength)
        {
            error = $"is {text.Length} characters long: at most {MaxLength}";
            return false;
        }

        var parts = new List<(string, string?)>();
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add((text[at..], null));
                break;
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"has a {{{{ at {open} that is not closed by }}}}: fields are {Allowed}";
                return false;
            }

            var field = text[(open + 2)..close].Trim();
            if (!IsField(field))
            {
                error = $"refers to {ConfigurationText.Show(field)}, which is not a field: use {Allowed}";
                return false;
            }

            parts.Add((text[at..open], field));
            at = close + 2;
        }

        template = new AnnotationTemplate(parts, text);
        error = null;
        return true;
    }

    /// <summary>Fills the template in for one instance.</summary>
    /// <param name="labels">The instance's labels.</param>
    /// <param name="value">The value, if any.</param>
    /// <param name="threshold">The threshold, if any.</param>
    /// <param name="detail">The evidence's line of what was measured, if any.</param>
    /// <returns>The text.</returns>
    public string Render(AlertLabels labels, double? value, double? threshold, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var text = new StringBuilder();
        foreach (var (literal, field) in _parts)
        {
            text.Append(literal);
            text.Append(field switch
            {
                null => string.Empty,
                "value" => Number(value),
                "threshold" => Number(threshold),
                "detail" => detail ?? string.Empty,
                _ => labels.TryGetValue(field["labels.".Length..], out var label) ? label : string.Empty,
            });
        }

        return text.ToString();
    }

    /// <summary>How the value and the threshold are written: up to four decimals, invariant culture.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The text; empty for null.</returns>
    public static string Number(double? number) =>
        number is { } n ? n.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;

    private static bool IsField(string field) =>
        field is "value" or "threshold" or "detail"
        || field.StartsWith("labels.", StringComparison.Ordinal) && LabelNames.IsValid(field["labels.".Length..]);

}
