using System.Globalization;

namespace Vigil.Storage.Configuration;

/// <summary>
/// Which configuration texts are acceptable for a plain value of a bound type, and how messages describe them.
/// Stricter than the binder on purpose: an enum must be named (not a number), numbers are invariant-culture and finite.
/// </summary>
internal static class ScalarText
{
    public static bool IsScalar(Type type, ConfigurationShapeOptions options)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return options.Scalars.ContainsKey(underlying) || underlying.IsPrimitive || underlying.IsEnum
            || underlying == typeof(string) || underlying == typeof(Uri) || underlying == typeof(decimal) || underlying == typeof(TimeSpan);
    }

    /// <summary>The text to give the binder for <paramref name="text"/>, or null when it is not a value of <paramref name="type"/>.</summary>
    public static string? Read(string text, Type type, ConfigurationShapeOptions options)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var trimmed = text.Trim();
        if (underlying is not null && trimmed.Length == 0)
        {
            // An empty value of an optional setting (JSON null) leaves it unset.
            return text;
        }

        underlying ??= type;
        if (options.Scalars.TryGetValue(underlying, out var scalar))
        {
            return scalar.Read(text);
        }

        var ok = underlying == typeof(string)
            || (underlying.IsEnum && Enum.GetNames(underlying).Any(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase)))
            || (underlying == typeof(bool) && bool.TryParse(trimmed, out _))
            || (underlying == typeof(int) && int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || (underlying == typeof(long) && long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            || (underlying == typeof(double) && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            || (underlying == typeof(Uri) && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
        return ok ? text : null;
    }

    /// <summary>What is allowed, read after "is not".</summary>
    public static string Describe(Type type, ConfigurationShapeOptions options)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (options.Scalars.TryGetValue(underlying, out var scalar))
        {
            return scalar.Expected;
        }

        if (underlying.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(underlying))}";
        }

        return underlying switch
        {
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(int) || underlying == typeof(long) => "a whole number",
            _ when underlying == typeof(double) => "a number such as 0.25",
            _ when underlying == typeof(Uri) => "an absolute http:// or https:// URL",
            _ when underlying == typeof(string) => "text",
            _ => underlying.Name,
        };
    }
}
