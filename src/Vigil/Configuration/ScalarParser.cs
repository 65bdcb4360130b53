using System.Globalization;

namespace Vigil.Configuration;

/// <summary>
/// The one definition of which configuration texts are acceptable for a scalar option. Stricter than
/// the binder on purpose: an enum must be named (not a number), a number must be invariant-culture.
/// </summary>
internal static class ScalarParser
{
    public static bool TryParse(string text, Type type, out object? value)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var trimmed = text.Trim();
        value = null;

        if (underlying.IsEnum)
        {
            var name = Enum.GetNames(underlying).FirstOrDefault(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
            value = name is null ? null : Enum.Parse(underlying, name);
            return name is not null;
        }

        if (underlying == typeof(string))
        {
            value = text;
            return true;
        }

        if (underlying == typeof(bool) && bool.TryParse(trimmed, out var flag))
        {
            value = flag;
            return true;
        }

        if (underlying == typeof(int) && int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            value = whole;
            return true;
        }

        if (underlying == typeof(long) && long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var wide))
        {
            value = wide;
            return true;
        }

        if (underlying == typeof(double)
            && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            value = number;
            return true;
        }

        if (underlying == typeof(Uri)
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            value = uri;
            return true;
        }

        return false;
    }
}
