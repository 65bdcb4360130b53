using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Vigil.Storage.Configuration;

/// <summary>
/// Walks configuration against the shape of the type it binds to, before it is bound, so that every unknown key and
/// every value of the wrong kind is a <see cref="ConfigurationProblem"/> with its key path — all of them, where the
/// binder would throw at the first, or bind nothing and say nothing. The SDK's <c>vigil.json</c> and the server's
/// configuration file are both read this way: check, then <see cref="ConfigurationShapeResult.Bind"/>, then the
/// validators of the bound options.
/// </summary>
public sealed class ConfigurationShape
{
    private readonly ConfigurationShapeOptions _options;
    private readonly List<ConfigurationProblem> _problems = [];
    private readonly Dictionary<string, string?> _overrides = new(StringComparer.OrdinalIgnoreCase);

    private ConfigurationShape(ConfigurationShapeOptions options)
    {
        _options = options;
    }

    /// <summary>Checks <paramref name="configuration"/> against the public properties of <paramref name="type"/>, recursively.</summary>
    /// <param name="configuration">The configuration, from its root.</param>
    /// <param name="type">The type it binds to.</param>
    /// <param name="options">Grammar-read types and message forms; null for none.</param>
    /// <returns>The problems, and what binding needs to read the values the checks accepted.</returns>
    public static ConfigurationShapeResult Check(IConfiguration configuration, Type type, ConfigurationShapeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(type);
        var shape = new ConfigurationShape(options ?? new ConfigurationShapeOptions());
        shape.CheckObject(configuration, type);
        return new ConfigurationShapeResult(shape._problems, shape._overrides);
    }

    private void CheckObject(IConfiguration section, Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var what = type.GetCustomAttribute<DescriptionAttribute>() is { } description ? $"a key of {description.Description}" : "a known key";
                Add(child, $"is not {what} (allowed: {string.Join(", ", properties.Select(p => p.Name))})", bad: false);
                continue;
            }

            CheckValue(child, property.PropertyType, property.GetCustomAttribute<SingleValueListAttribute>() is not null);
        }
    }

    private void CheckValue(IConfigurationSection section, Type type, bool singleValueList = false)
    {
        var hasChildren = section.GetChildren().Any();
        if (TryGetDictionaryValueType(type, out var valueType))
        {
            if (section.Value is { Length: > 0 } && !hasChildren)
            {
                Add(section, $"{ConfigurationText.Show(section.Value)} is not allowed: names with values, e.g. \"{section.Key}\": {{ \"name\": ... }}");
                return;
            }

            foreach (var entry in section.GetChildren())
            {
                CheckValue(entry, valueType);
            }

            return;
        }

        if (TryGetListElementType(type, out var elementType))
        {
            CheckList(section, elementType, hasChildren, singleValueList);
            return;
        }

        if (ScalarText.IsScalar(type, _options))
        {
            if (hasChildren)
            {
                Add(section, $"is a section, not {ScalarText.Describe(type, _options)}");
            }
            else if (section.Value is { } value)
            {
                Read(section.Path, value, type);
            }

            return;
        }

        if (section.Value is { Length: > 0 } scalar && !hasChildren)
        {
            var what = type.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "a section";
            Add(section, $"{ConfigurationText.Show(scalar)} is not {what}: give its keys ({string.Join(", ", type.GetProperties().Select(p => p.Name))})");
            return;
        }

        CheckObject(section, type);
    }

    private void CheckList(IConfigurationSection section, Type elementType, bool hasChildren, bool singleValueList)
    {
        if (section.Value is { Length: > 0 } value && !hasChildren)
        {
            if (singleValueList && ScalarText.IsScalar(elementType, _options))
            {
                // One value stands for a list of it: the binder reads lists from indexed keys only.
                Read($"{section.Path}:0", value, elementType, always: true);
                return;
            }

            var example = _options.ListExample?.Invoke(section.Path) ?? $"\"{section.Key}\": [ ... ]";
            Add(section, $"{ConfigurationText.Show(value)} is not a list ({Describe(elementType)} each), e.g. {example}");
            return;
        }

        foreach (var element in section.GetChildren())
        {
            if (!int.TryParse(element.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                Add(element, $"is not a list index: {section.Path} is a list", bad: false);
                continue;
            }

            CheckValue(element, elementType);
        }
    }

    private void Read(string path, string value, Type type, bool always = false)
    {
        if (ScalarText.Read(value, type, _options) is not { } read)
        {
            _problems.Add(new ConfigurationProblem(path, $"{ConfigurationText.Show(value)} is not {ScalarText.Describe(type, _options)}"));
            _overrides[path] = null;
        }
        else if (always || !string.Equals(read, value, StringComparison.Ordinal))
        {
            _overrides[path] = read;
        }
    }

    private string Describe(Type type) =>
        ScalarText.IsScalar(type, _options) ? ScalarText.Describe(type, _options) : type.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "a section";

    /// <summary>Records a problem; a bad value is also hidden from the binder, which would throw at it.</summary>
    private void Add(IConfigurationSection section, string message, bool bad = true)
    {
        _problems.Add(new ConfigurationProblem(section.Path, message) { SourceKey = FirstLeaf(section).Path });
        if (bad)
        {
            _overrides[section.Path] = null;
        }
    }

    /// <summary>A section's values come from its leaves; the first one names where the section came from.</summary>
    private static IConfigurationSection FirstLeaf(IConfigurationSection section)
    {
        while (section.GetChildren().FirstOrDefault() is { } child)
        {
            section = child;
        }

        return section;
    }

    private static bool TryGetDictionaryValueType(Type type, out Type valueType)
    {
        var dictionary = IsGeneric(type, typeof(IDictionary<,>)) || IsGeneric(type, typeof(IReadOnlyDictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => IsGeneric(i, typeof(IDictionary<,>)));
        valueType = dictionary?.GetGenericArguments()[1] ?? typeof(void);
        return dictionary is not null;
    }

    private static bool TryGetListElementType(Type type, out Type elementType)
    {
        if (type.IsArray)
        {
            elementType = type.GetElementType()!;
            return true;
        }

        var isList = IsGeneric(type, typeof(IList<>)) || IsGeneric(type, typeof(IReadOnlyList<>)) || IsGeneric(type, typeof(List<>));
        elementType = isList ? type.GetGenericArguments()[0] : typeof(void);
        return isList;
    }

    private static bool IsGeneric(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;
}
