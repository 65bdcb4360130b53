using System.Globalization;
using ModelContextProtocol;
using Vigil.Model.Text;

namespace Vigil.Mcp.Arguments;

/// <summary>
/// Reads and checks tool arguments. Each reader throws <see cref="McpException"/> naming the argument and what it
/// accepts: the SDK returns that message as a tool error (<c>isError: true</c>), which an assistant reads and corrects,
/// and bad input never reaches the store.
/// </summary>
internal static class ToolArguments
{
    // About 100 years: further back than any store reaches, and far from TimeSpan's limit in time arithmetic.
    private static readonly TimeSpan s_maxAgo = TimeSpan.FromDays(36_600);

    /// <summary>A point in time: a duration back from now (<c>15m</c>, <c>2h</c>) or an RFC 3339 time.</summary>
    public static DateTimeOffset? Time(string name, string? text, DateTimeOffset now)
    {
        if (Text(name, text, 64) is not { } value)
        {
            return null;
        }

        if (DurationGrammar.TryParse(value, out var ago) && ago <= s_maxAgo)
        {
            return now - ago;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new McpException($"{name}: '{value}' is neither an RFC 3339 time (2026-11-23T12:00:00Z) nor a duration back from now ({DurationGrammar.Allowed})");
    }

    /// <summary>A positive duration in the shared grammar.</summary>
    public static TimeSpan? Duration(string name, string? text, TimeSpan max)
    {
        if (Text(name, text, 64) is not { } value)
        {
            return null;
        }

        if (!DurationGrammar.TryParse(value, out var duration) || duration <= TimeSpan.Zero)
        {
            throw new McpException($"{name}: '{value}' is not a positive duration ({DurationGrammar.Allowed})");
        }

        return duration <= max ? duration : throw new McpException($"{name}: '{value}' is longer than the most allowed ({max.TotalDays:0.#} days)");
    }

    /// <summary>A time range; <paramref name="defaultSince"/> applies when no start is given.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(string? since, string? until, DateTimeOffset now, TimeSpan defaultSince)
    {
        var from = Time("since", since, now) ?? now - defaultSince;
        var to = Time("until", until, now) ?? now;
        return from < to ? (from, to) : throw new McpException($"since ({from:O}) must be before until ({to:O})");
    }

    /// <summary>A count of items: 1 to <paramref name="max"/>, <paramref name="fallback"/> when absent.</summary>
    public static int Limit(string name, int? value, int fallback, int max = ToolLimits.MaxItems) => value switch
    {
        null => fallback,
        >= 1 when value <= max => value.Value,
        _ => throw new McpException($"{name}: {value} is out of range (1 to {max}); ask for fewer and narrow the filters instead"),
    };

    /// <summary>Text with no control characters, at most <paramref name="maxLength"/> long; empty counts as absent.</summary>
    public static string? Text(string name, string? value, int maxLength = ToolLimits.MaxArgumentLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            throw new McpException($"{name}: {value.Length} characters is too long (at most {maxLength})");
        }

        return value.Any(char.IsControl) ? throw new McpException($"{name}: control characters are not allowed") : value;
    }

    /// <summary>Text that must be there.</summary>
    public static string Required(string name, string? value, string what) =>
        Text(name, value) ?? throw new McpException($"{name}: required ({what})");

    /// <summary>A minimum log level in the one grammar (<see cref="LevelGrammar"/>).</summary>
    public static int? Level(string? text)
    {
        if (Text("level", text, 16) is not { } value)
        {
            return null;
        }

        return LevelGrammar.TryParse(value, out var severity) ? severity : throw new McpException($"level: '{value}' is not a level ({LevelGrammar.Allowed})");
    }

    /// <summary>Attribute filters: each <c>key=value</c>, matched exactly.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Attributes(string name, IReadOnlyList<string>? pairs)
    {
        if (pairs is null || pairs.Count == 0)
        {
            return [];
        }

        if (pairs.Count > ToolLimits.MaxRepeats)
        {
            throw new McpException($"{name}: {pairs.Count} filters is too many (at most {ToolLimits.MaxRepeats})");
        }

        var result = new List<KeyValuePair<string, string>>(pairs.Count);
        foreach (var pair in pairs)
        {
            var text = Text(name, pair) ?? throw new McpException($"{name}: an empty filter (write key=value)");
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new McpException($"{name}: '{text}' is not key=value");
            }

            result.Add(new(text[..equals], text[(equals + 1)..]));
        }

        return result;
    }

    /// <summary>A stored record's id: a positive whole number.</summary>
    public static long Id(string name, long id, string what) =>
        id > 0 ? id : throw new McpException($"{name}: {id} is not {what} (a positive whole number)");

    /// <summary>One of a fixed set of words, any case.</summary>
    public static T Choice<T>(string name, string? text, IReadOnlyDictionary<string, T> choices, T fallback)
    {
        if (Text(name, text, 32) is not { } value)
        {
            return fallback;
        }

        return choices.TryGetValue(value.ToLowerInvariant(), out var choice)
            ? choice
            : throw new McpException($"{name}: '{value}' is not one of {string.Join(", ", choices.Keys)}");
    }
}
