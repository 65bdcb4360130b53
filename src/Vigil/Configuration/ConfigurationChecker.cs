using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Vigil.Configuration;

/// <summary>
/// Walks configuration against the shape of <see cref="VigilOptions"/> before it is bound, so that
/// an unknown key or a value of the wrong kind is reported with its key, value, origin and what is
/// allowed, rather than as the binder's type-conversion exception or not at all.
/// </summary>
internal sealed class ConfigurationChecker
{
    private readonly Func<string, string> _describeOrigin;
    private readonly List<string> _errors = [];

    private ConfigurationChecker(Func<string, string> describeOrigin)
    {
        _describeOrigin = describeOrigin;
    }

    public static IReadOnlyList<string> Check(IConfiguration configuration, Func<string, string> describeOrigin)
    {
        var checker = new ConfigurationChecker(describeOrigin);
        checker.CheckObject(configuration, typeof(VigilOptions), path: null);
        return checker._errors;
    }

    private void CheckObject(IConfiguration section, Type type, string? path)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var known = string.Join(", ", properties.Select(p => p.Name));
                _errors.Add($"'{child.Path}' is not a known key{Origin(child)}. Known keys{(path is null ? string.Empty : $" in '{path}'")}: {known}.");
                continue;
            }

            CheckValue(child, property.PropertyType);
        }
    }

    private void CheckValue(IConfigurationSection section, Type type)
    {
        if (TryGetDictionaryValueType(type, out var valueType))
        {
            foreach (var entry in section.GetChildren())
            {
                CheckValue(entry, valueType);
            }

            return;
        }

        if (type.IsArray || TryGetListElementType(type, out _))
        {
            var elementType = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            if (section.Value is not null && !section.GetChildren().Any())
            {
                _errors.Add($"'{section.Path}' is '{section.Value}'{Origin(section)}: expected a list ({Describe(elementType)} each), e.g. \"{section.Key}\": [ ... ] in JSON or {VigilEnvironmentConfigurationProvider.Prefix}{section.Path.Replace(":", "__", StringComparison.Ordinal)}__0=... in the environment.");
                return;
            }

            foreach (var element in section.GetChildren())
            {
                if (!int.TryParse(element.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    _errors.Add($"'{element.Path}' is not a list index{Origin(element)}: '{section.Path}' is a list.");
                    continue;
                }

                CheckValue(element, elementType);
            }

            return;
        }

        if (IsScalar(type))
        {
            if (section.GetChildren().Any())
            {
                _errors.Add($"'{section.Path}' has nested keys{Origin(section.GetChildren().First())}: expected {Describe(type)}.");
            }
            else if (section.Value is { } value && !ScalarParser.TryParse(value, type, out _))
            {
                _errors.Add($"'{section.Path}' is '{value}'{Origin(section)}: expected {Describe(type)}.");
            }

            return;
        }

        if (section.Value is { Length: > 0 } scalar)
        {
            _errors.Add($"'{section.Path}' is '{scalar}'{Origin(section)}: expected a section with keys {string.Join(", ", type.GetProperties().Select(p => p.Name))}.");
            return;
        }

        CheckObject(section, type, section.Path);
    }

    private string Origin(IConfigurationSection section) => $" (from {_describeOrigin(FirstLeaf(section).Path)})";

    /// <summary>A section's values come from its leaves; the first one names where the section came from.</summary>
    private static IConfigurationSection FirstLeaf(IConfigurationSection section)
    {
        while (section.GetChildren().FirstOrDefault() is { } child)
        {
            section = child;
        }

        return section;
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(Uri) || underlying == typeof(decimal);
    }

    private static bool TryGetDictionaryValueType(Type type, out Type valueType)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        valueType = dictionary?.GetGenericArguments()[1] ?? typeof(void);
        return dictionary is not null;
    }

    private static bool TryGetListElementType(Type type, out Type elementType)
    {
        var isList = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>);
        elementType = isList ? type.GetGenericArguments()[0] : typeof(void);
        return isList;
    }

    internal static string Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(underlying))}";
        }

        return underlying switch
        {
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(int) || underlying == typeof(long) => "a whole number",
            _ when underlying == typeof(double) => "a number such as 0.25",
            _ when underlying == typeof(Uri) => "an absolute http:// or https:// address",
            _ when underlying == typeof(string) => "text",
            _ => underlying.Name,
        };
    }
}
