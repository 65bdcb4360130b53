using System.Text;
using System.Text.RegularExpressions;
using Vigil.Model;

namespace Vigil.Storage.Logs;

/// <summary>
/// Log records grouped by the message they were written from, for the dashboard's patterns mode. A record's pattern
/// is its message template when the sender kept one (<c>log.template</c> from Vigil's SDK, <c>{OriginalFormat}</c>
/// from OpenTelemetry .NET, <c>message_template.text</c> from Serilog), otherwise its body with the parts that vary
/// from line to line masked: UUIDs as <c>&lt;uuid&gt;</c>, long hex runs as <c>&lt;hex&gt;</c>, numbers as <c>&lt;n&gt;</c>.
/// So "Order 17 shipped in 42 ms" and "Order 18 shipped in 7 ms" are one pattern, "Order {OrderId} shipped in {Elapsed} ms"
/// when the template was sent.
/// </summary>
public static partial class LogPatterns
{
    /// <summary>The attributes that carry a record's message template, most specific first.</summary>
    public static IReadOnlyList<string> TemplateAttributes { get; } = ["log.template", "{OriginalFormat}", "message_template.text"];

    /// <summary>How many of the newest records a pattern count reads when the reader does not say (the dashboard, <c>vigil logs --patterns</c>).</summary>
    public const int DefaultRecords = 5_000;

    /// <summary>How much of a body a pattern is made from: longer bodies are cut, so a huge record is still one cheap pattern.</summary>
    public const int MaxPatternCharacters = 512;

    /// <summary>The pattern of one record.</summary>
    public static string Of(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        foreach (var name in TemplateAttributes)
        {
            foreach (var (key, value) in log.Attributes)
            {
                if (key == name && value is string { Length: > 0 } template)
                {
                    return Cut(template);
                }
            }
        }

        return Mask(log.Body ?? string.Empty);
    }

    /// <summary>The body with what varies masked (see the type's summary), cut to <see cref="MaxPatternCharacters"/>.</summary>
    public static string Mask(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = Cut(body);
        text = Uuid().Replace(text, "<uuid>");
        text = Hex().Replace(text, "<hex>");
        return Number().Replace(text, "<n>");
    }

    /// <summary>
    /// The records grouped by pattern: the <paramref name="maxPatterns"/> largest groups, most records first (then the
    /// most recent), each with its count, services, highest severity, first and last time, and its newest record.
    /// </summary>
    public static IReadOnlyList<LogPattern> Group(IEnumerable<LogEntry> logs, int maxPatterns)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPatterns);
        var groups = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (var log in logs)
        {
            var pattern = Of(log);
            if (!groups.TryGetValue(pattern, out var group))
            {
                group = new Builder(pattern, log);
                groups[pattern] = group;
            }

            group.Add(log);
        }

        return [.. groups.Values
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastSeen)
            .ThenBy(g => g.Pattern, StringComparer.Ordinal)
            .Take(maxPatterns)
            .Select(g => g.Build())];
    }

    /// <summary>
    /// The longest run of the pattern's literal text (outside template holes and masks), trimmed: a search for it finds
    /// the pattern's records (and possibly a few others), which is how the dashboard opens a pattern's records.
    /// </summary>
    public static string LongestLiteral(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return Hole().Split(pattern).Select(part => part.Trim()).MaxBy(part => part.Length) ?? string.Empty;
    }

    private static string Cut(string text)
    {
        var end = Math.Min(text.Length, MaxPatternCharacters);
        // Never split a surrogate pair: half a character is not text.
        if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        var line = text.AsSpan(0, end);
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            // One line: a multi-line body (a stack trace) is shown and matched by its text, not its layout.
            builder.Append(c is '\r' or '\n' or '\t' ? ' ' : c);
        }

        return builder.ToString();
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    // Runs of 12 or more hex digits with at least one digit and one letter among them: ids, hashes, trace ids.
    [GeneratedRegex(@"\b(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{12,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hex();

    // Digits, with decimal points, commas or colons between them (12, 3.5, 1,024, 10:42:07, 10.0.0.1).
    [GeneratedRegex(@"[0-9]+(?:[.,:][0-9]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    // What a pattern does not say literally: template holes ({OrderId}, {Elapsed:0.0}) and masks (<n>, <hex>, <uuid>).
    [GeneratedRegex(@"\{[^{}]*\}|<(?:n|hex|uuid)>", RegexOptions.CultureInvariant)]
    private static partial Regex Hole();

    private sealed class Builder(string pattern, LogEntry first)
    {
        private readonly HashSet<string> _services = new(StringComparer.Ordinal);

        public string Pattern { get; } = pattern;

        public int Count { get; private set; }

        public DateTimeOffset LastSeen { get; private set; } = first.Timestamp;

        private DateTimeOffset FirstSeen { get; set; } = first.Timestamp;

        private int MaxSeverity { get; set; }

        private LogEntry Newest { get; set; } = first;

        public void Add(LogEntry log)
        {
            Count++;
            MaxSeverity = Math.Max(MaxSeverity, log.SeverityNumber);
            if (log.Timestamp < FirstSeen)
            {
                FirstSeen = log.Timestamp;
            }

            if (log.Timestamp > LastSeen || (log.Timestamp == LastSeen && log.Sequence > Newest.Sequence))
            {
                LastSeen = log.Timestamp;
                Newest = log;
            }

            if (log.Resource.ServiceName is { Length: > 0 } service && _services.Count < LogPattern.MaxServices)
            {
                _services.Add(service);
            }
        }

        public LogPattern Build() => new()
        {
            Pattern = Pattern,
            Count = Count,
            Services = [.. _services.Order(StringComparer.Ordinal)],
            MaxSeverityNumber = MaxSeverity,
            FirstSeen = FirstSeen,
            LastSeen = LastSeen,
            Newest = Newest,
        };
    }
}
