namespace Vigil.Model.Prometheus;

/// <summary>
/// A UCUM unit as Prometheus spells it. Time units are converted to seconds and byte
/// multiples to bytes: Prometheus wants base units, and promtool rejects names such as
/// <c>_milliseconds</c>. Shared by <c>vigil metrics --format prometheus</c> and the server's <c>/metrics</c>.
/// </summary>
/// <param name="Suffix">The unit suffix of the metric name (<c>seconds</c>, <c>bytes</c>), or null.</param>
/// <param name="Scale">What a value is multiplied by to be in that unit.</param>
/// <param name="IsRatio">True for the unit <c>1</c>: a gauge of it is a <c>_ratio</c>.</param>
public sealed record PrometheusUnit(string? Suffix, double Scale, bool IsRatio)
{
    private static readonly Dictionary<string, (string Suffix, double Scale)> s_units = new(StringComparer.Ordinal)
    {
        ["ns"] = ("seconds", 1e-9),
        ["us"] = ("seconds", 1e-6),
        ["μs"] = ("seconds", 1e-6),
        ["ms"] = ("seconds", 1e-3),
        ["s"] = ("seconds", 1),
        ["min"] = ("seconds", 60),
        ["h"] = ("seconds", 3600),
        ["d"] = ("seconds", 86400),
        ["By"] = ("bytes", 1),
        ["KBy"] = ("bytes", 1e3),
        ["kBy"] = ("bytes", 1e3),
        ["MBy"] = ("bytes", 1e6),
        ["GBy"] = ("bytes", 1e9),
        ["KiBy"] = ("bytes", 1024),
        ["MiBy"] = ("bytes", 1024 * 1024),
        ["GiBy"] = ("bytes", 1024 * 1024 * 1024),
        ["bit"] = ("bits", 1),
        ["m"] = ("meters", 1),
        ["V"] = ("volts", 1),
        ["A"] = ("amperes", 1),
        ["J"] = ("joules", 1),
        ["W"] = ("watts", 1),
        ["g"] = ("grams", 1),
        ["Cel"] = ("celsius", 1),
        ["Hz"] = ("hertz", 1),
        ["%"] = ("percent", 1),
    };

    /// <summary>No unit.</summary>
    public static PrometheusUnit None { get; } = new(null, 1, false);

    /// <summary>Maps a UCUM unit; annotations such as <c>{request}</c> carry no unit and are dropped.</summary>
    public static PrometheusUnit From(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return None;
        }

        // "{request}/s" -> "/s"; "{request}" -> "".
        var text = System.Text.RegularExpressions.Regex.Replace(unit, @"\{[^}]*\}", string.Empty).Trim();
        if (text.Length == 0)
        {
            return None;
        }

        if (text == "1")
        {
            return new PrometheusUnit(null, 1, true);
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var over = text[(slash + 1)..];
            var per = over switch { "s" => "second", "min" => "minute", "h" => "hour", "d" => "day", _ => Word(over) };
            var top = slash == 0 ? From(null) : From(text[..slash]);
            var suffix = top.Suffix is null ? "per_" + per : top.Suffix + "_per_" + per;
            return new PrometheusUnit(suffix, top.Scale, false);
        }

        return s_units.TryGetValue(text, out var known) ? new PrometheusUnit(known.Suffix, known.Scale, false) : new PrometheusUnit(Word(text), 1, false);
    }

    private static string Word(string unit)
    {
        var word = new string([.. unit.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]).Trim('_');
        return word.Length == 0 ? "unit" : word;
    }
}
