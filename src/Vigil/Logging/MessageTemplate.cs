using OpenTelemetry.Logs;

namespace Vigil.Logging;

/// <summary>What the sinks need from a record's message template.</summary>
internal static class MessageTemplate
{
    /// <summary>The attribute under which Microsoft.Extensions.Logging keeps the template.</summary>
    public const string OriginalFormatKey = "{OriginalFormat}";

    /// <summary>The template from the <c>{OriginalFormat}</c> attribute, else the record's body.</summary>
    public static string? GetTemplate(LogRecord record)
    {
        var attributes = record.Attributes;
        if (attributes is not null)
        {
            for (var i = 0; i < attributes.Count; i++)
            {
                if (attributes[i].Key == OriginalFormatKey && attributes[i].Value is string template)
                {
                    return template;
                }
            }
        }

        return record.Body;
    }

    /// <summary>
    /// The rendered message. The pipeline sets IncludeFormattedMessage, so the formatted message is
    /// normally there; without it the template is the most faithful text left.
    /// </summary>
    public static string GetMessage(LogRecord record, string? template) =>
        record.FormattedMessage ?? template ?? record.Body ?? string.Empty;

    /// <summary>
    /// Whether <paramref name="template"/> has a hole named <paramref name="name"/>, as in
    /// <c>{name}</c>, <c>{@name}</c>, <c>{name:N2}</c> or <c>{name,8}</c>. Scans without allocating,
    /// because the pretty console asks this once per attribute per record.
    /// </summary>
    public static bool HasPlaceholder(string? template, string name)
    {
        if (template is null || name.Length == 0)
        {
            return false;
        }

        var rest = template.AsSpan();
        while (true)
        {
            var open = rest.IndexOf('{');
            if (open < 0)
            {
                return false;
            }

            rest = rest[(open + 1)..];
            if (rest.Length > 0 && rest[0] is '@' or '$')
            {
                rest = rest[1..];
            }

            if (rest.StartsWith(name, StringComparison.Ordinal)
                && rest.Length > name.Length
                && rest[name.Length] is '}' or ':' or ',')
            {
                return true;
            }
        }
    }
}
