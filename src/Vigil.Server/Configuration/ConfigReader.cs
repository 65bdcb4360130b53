using System.Text.Json;

namespace Vigil.Server.Configuration;

/// <summary>
/// Typed reads of configuration values that record a problem (key path, bad value, what is allowed) instead of
/// throwing, so that one pass reports everything wrong. Paths that had a problem are remembered, and later checks
/// skip them rather than complain twice.
/// </summary>
internal sealed class ConfigReader
{
    private const int MaxShownValueLength = 80;

    public List<ConfigProblem> Problems { get; } = [];

    public HashSet<string> BadPaths { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string path, string message)
    {
        Problems.Add(new ConfigProblem(path, message));
        BadPaths.Add(path);
    }

    public bool IsBad(string path) => BadPaths.Contains(path);

    /// <summary>How a value is shown in a message: strings quoted, short, and with control characters escaped.</summary>
    public static string Show(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Show(value.GetString() ?? string.Empty) : ShowRaw(value.GetRawText());

    /// <summary>How a string is shown in a message: quoted, short, and with control characters escaped.</summary>
    public static string Show(string text) => $"'{ShowRaw(text)}'";

    private static string ShowRaw(string text)
    {
        if (text.Length > MaxShownValueLength)
        {
            text = string.Concat(text.AsSpan(0, MaxShownValueLength), "...");
        }

        return JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
    }

    public string? String(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Add(path, $"{Show(value)} is not a string");
        return null;
    }

    public int? Integer(JsonElement value, string path, int minimum, int maximum)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        Add(path, $"{Show(value)} is not allowed: a whole number from {minimum} to {maximum}");
        return null;
    }

    public double? Number(JsonElement value, string path, double minimum, double maximum)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        Add(path, $"{Show(value)} is not allowed: a number from {minimum.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return null;
    }

    public bool? Boolean(JsonElement value, string path)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Add(path, $"{Show(value)} is not allowed: true or false");
        return null;
    }

    public TimeSpan? Duration(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String && DurationText.TryParse(value.GetString(), out var duration))
        {
            return duration;
        }

        Add(path, $"{Show(value)} is not a duration: {DurationText.Allowed}");
        return null;
    }

    public List<string>? StringArray(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(path, $"{Show(value)} is not allowed: an array of strings");
            return null;
        }

        var result = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (String(item, $"{path}:{index}") is { } text)
            {
                result.Add(text);
            }

            index++;
        }

        return result;
    }
}
