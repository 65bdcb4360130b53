using System.Globalization;
using Vigil.Model;
using Vigil.Model.Text;

namespace Vigil.Server.Api;

/// <summary>Checks for values with a fixed shape: trace ids, log levels, store ids, label matchers and the error, health and alert enums.</summary>
internal static class ApiParse
{
    public static string? TraceId(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return text.Length == 32 && text.All(char.IsAsciiHexDigit)
            ? text.ToLowerInvariant()
            : throw new BadParameterException($"{name}: '{Shorten(text)}' is not a trace id (32 hex digits)");
    }

    /// <summary>
    /// The start of a trace id, as a log line shows it: <see cref="MinTraceIdPrefixLength"/> to 32 hex digits,
    /// lower-cased. Fewer digits would match too much of a store to be worth a lookup.
    /// </summary>
    public static string TraceIdPrefix(string name, string? text)
    {
        if (text is null)
        {
            throw new BadParameterException($"{name}: required (the first {MinTraceIdPrefixLength} to 32 hex digits of a trace id)");
        }

        return text.Length is >= MinTraceIdPrefixLength and <= 32 && text.All(char.IsAsciiHexDigit)
            ? text.ToLowerInvariant()
            : throw new BadParameterException($"{name}: '{Shorten(text)}' is not the start of a trace id ({MinTraceIdPrefixLength} to 32 hex digits)");
    }

    /// <summary>The fewest hex digits a trace id prefix may have (the CLI asks for as many).</summary>
    public const int MinTraceIdPrefixLength = 4;

    /// <summary>A severity number (1 to 24) or a level name; names map to the lowest number of their OpenTelemetry range.</summary>
    public static int? Severity(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 24)
        {
            return number;
        }

        return LevelGrammar.TryParse(text, out var severity)
            ? severity
            : throw new BadParameterException($"{name}: '{Shorten(text)}' is not a level ({LevelGrammar.Allowed}; or a severity number 1 to 24)");
    }

    /// <summary>An error group id from the path: a whole number of 1 or more that fits a long.</summary>
    public static long GroupId(string name, string text) => Id(name, text, "an error group id");

    /// <summary>A store id from the path (an error group, an alert, a silence): a whole number of 1 or more that fits a long.</summary>
    public static long Id(string name, string text, string what) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 1
            ? id
            : throw new BadParameterException($"{name}: '{Shorten(text)}' is not {what} (a whole number of 1 or more)");

    /// <summary>How a label matcher is written, for every refusal of one.</summary>
    public const string MatcherGrammar = "name=value, name!=value, name=~regex or name!~regex, the value optionally in double quotes";

    /// <summary>A label matcher in the one grammar (<see cref="LabelMatcher.TryParse"/>); the refusal names it and the grammar.</summary>
    public static bool TryMatcher(string text, out LabelMatcher matcher, out string refusal)
    {
        if (LabelMatcher.TryParse(text, out var parsed, out var problem))
        {
            matcher = parsed!;
            refusal = string.Empty;
            return true;
        }

        matcher = null!;
        refusal = $"'{Shorten(text)}' is not a label matcher: {problem} (write {MatcherGrammar})";
        return false;
    }

    /// <summary>Repeated matchers from the query string.</summary>
    public static IReadOnlyList<LabelMatcher> Matchers(string name, IReadOnlyList<string> texts) =>
        [.. texts.Select(t => TryMatcher(t, out var matcher, out var refusal) ? matcher : throw new BadParameterException($"{name}: {refusal}"))];

    /// <summary>Repeated alert states; none means the store's default (firing and pending).</summary>
    public static IReadOnlyList<AlertState> AlertStates(string name, IReadOnlyList<string> texts) =>
        [.. texts.Select(t => Named<AlertState>(name, t, "an alert state (inactive, pending, firing, resolved)")!.Value).Distinct()];

    public static ErrorGroupStatus? GroupStatus(string name, string? text) =>
        Named<ErrorGroupStatus>(name, text, "an error group status (unresolved, resolved, ignored)");

    public static ErrorSeverity? GroupSeverity(string name, string? text) =>
        Named<ErrorSeverity>(name, text, "a severity (low, medium, high, critical)");

    public static HealthSourceKind? HealthKind(string name, string? text) =>
        Named<HealthSourceKind>(name, text, "a health source kind (check, probe)");

    /// <summary>An enum by its name, any case; numbers are refused so a script cannot depend on the order of values.</summary>
    public static bool TryName<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static T? Named<T>(string name, string? text, string what)
        where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        return TryName<T>(text, out var value) ? value : throw new BadParameterException($"{name}: '{Shorten(text)}' is not {what}");
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
