using System.Globalization;
using Microsoft.Extensions.Primitives;
using Vigil.Model.Text;

namespace Vigil.Server.Api;

/// <summary>
/// Reads and checks query-string parameters. Every reader throws <see cref="BadParameterException"/>
/// naming the parameter, so handlers stay a straight line and bad input never reaches the store.
/// </summary>
internal sealed class QueryParameters
{
    // About 100 years: further back than any store reaches, and far from TimeSpan's limit in time arithmetic.
    private static readonly TimeSpan s_maxDuration = TimeSpan.FromDays(36_600);

    private readonly IQueryCollection _query;
    private readonly DateTimeOffset _now;

    public QueryParameters(IQueryCollection query, DateTimeOffset now, params string[] allowed)
    {
        _query = query;
        _now = now;
        foreach (var key in query.Keys)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                // A misspelt filter silently ignored would return wrong data, so it is an error.
                throw new BadParameterException(allowed.Length == 0
                    ? $"{Printable(key)}: not a parameter here (this endpoint takes none)"
                    : $"{Printable(key)}: not a parameter here (use: {string.Join(", ", allowed)})");
            }
        }
    }

    public string? Text(string name, int maxLength = QueryLimits.MaxNameLength)
    {
        var values = _query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw new BadParameterException($"{name}: given {values.Count} times; give it once");
        }

        return Check(name, values[0] ?? string.Empty, maxLength);
    }

    public IReadOnlyList<string> Repeated(string name, int maxLength = QueryLimits.MaxNameLength)
    {
        StringValues values = _query[name];
        if (values.Count > QueryLimits.MaxRepeats)
        {
            throw new BadParameterException($"{name}: given {values.Count} times; at most {QueryLimits.MaxRepeats}");
        }

        return [.. values.Select(v => Check(name, v ?? string.Empty, maxLength))];
    }

    public int Int(string name, int defaultValue, int min, int max)
    {
        var text = Text(name, 16);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new BadParameterException($"{name}: '{text}' is not a whole number from {min} to {max}");
        }

        return value;
    }

    public long? Long(string name)
    {
        var text = Text(name, 20);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new BadParameterException($"{name}: '{text}' is not a sequence number (a whole number of 0 or more)");
        }

        return value;
    }

    public bool Bool(string name)
    {
        return Text(name, 8) switch
        {
            null or "false" or "0" => false,
            "" or "true" or "1" => true,
            var other => throw new BadParameterException($"{name}: '{other}' is not true or false"),
        };
    }

    /// <summary>An RFC 3339 time (<c>2026-11-23T12:00:00Z</c>) or a duration before now (<c>15m</c>).</summary>
    public DateTimeOffset? Time(string name)
    {
        var text = Text(name, 40);
        if (text is null)
        {
            return null;
        }

        if (TryDuration(text, out var ago))
        {
            return _now - ago;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new BadParameterException($"{name}: '{text}' is neither an RFC 3339 time (2026-11-23T12:00:00Z) nor a duration (15m)");
    }

    /// <summary>A positive duration in the shared grammar (<c>250ms</c>, <c>1.5s</c>, <c>1h30m</c>).</summary>
    public TimeSpan? Duration(string name)
    {
        var text = Text(name, 40);
        if (text is null)
        {
            return null;
        }

        return TryDuration(text, out var value) && value > TimeSpan.Zero
            ? value
            : throw new BadParameterException($"{name}: '{text}' is not a positive duration ({DurationGrammar.Allowed})");
    }

    /// <summary>Repeated <c>key=value</c> attribute filters.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Where(string name)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var item in Repeated(name, QueryLimits.MaxNameLength * 2))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new BadParameterException($"{name}: '{item}' is not key=value");
            }

            result.Add(new(item[..equals], item[(equals + 1)..]));
        }

        return result;
    }

    /// <summary>A duration in the grammar the CLI and the configuration share, within the API's range: about 100 years.</summary>
    private static bool TryDuration(string text, out TimeSpan value) =>
        DurationGrammar.TryParse(text, out value) && value <= s_maxDuration;

    private static string Check(string name, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw new BadParameterException($"{name}: {value.Length} characters is too long (at most {maxLength})");
        }

        if (value.Any(char.IsControl))
        {
            throw new BadParameterException($"{name}: control characters are not allowed");
        }

        return value;
    }

    private static string Printable(string text) =>
        text.Length > 40 || text.Any(char.IsControl) ? "(unprintable or long name)" : text;
}
