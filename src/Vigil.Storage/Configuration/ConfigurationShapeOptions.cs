namespace Vigil.Storage.Configuration;

/// <summary>What <see cref="ConfigurationShape.Check"/> needs to know beyond the bound type's own shape.</summary>
public sealed class ConfigurationShapeOptions
{
    /// <summary>Types read through one of Vigil's grammars rather than the binder's conversion (durations, log levels).</summary>
    public IReadOnlyDictionary<Type, ConfigurationScalar> Scalars { get; init; } = new Dictionary<Type, ConfigurationScalar>();

    /// <summary>
    /// How a message shows a list written right, for the key path of a list given one plain value. The default is
    /// the JSON form, <c>"Sources": [ ... ]</c>; the SDK adds the environment variable form.
    /// </summary>
    public Func<string, string>? ListExample { get; init; }
}
