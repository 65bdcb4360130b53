using Microsoft.Extensions.Configuration;

namespace Vigil.Storage.Configuration;

/// <summary>What <see cref="ConfigurationShape.Check"/> found, and how to bind what it accepted.</summary>
public sealed class ConfigurationShapeResult
{
    private readonly IReadOnlyDictionary<string, string?> _overrides;

    internal ConfigurationShapeResult(IReadOnlyList<ConfigurationProblem> problems, IReadOnlyDictionary<string, string?> overrides)
    {
        Problems = problems;
        _overrides = overrides;
    }

    /// <summary>Every unknown key and every value of the wrong kind, each with its key path.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>
    /// Binds <paramref name="configuration"/> to <paramref name="instance"/> with the binder, reading grammar values
    /// (durations, log levels) as checked and leaving the bad values out, so that binding never throws and the
    /// validators still see everything else.
    /// </summary>
    /// <typeparam name="T">The bound type, the one checked.</typeparam>
    /// <param name="configuration">The configuration checked.</param>
    /// <param name="instance">What to bind into.</param>
    /// <returns><paramref name="instance"/>.</returns>
    public T Bind<T>(IConfiguration configuration, T instance)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (_overrides.Count == 0)
        {
            configuration.Bind(instance);
            return instance;
        }

        // A copy rather than a chained provider: a chained configuration drops empty values, and "" is not null.
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            values[key] = value;
        }

        foreach (var (key, value) in _overrides)
        {
            values[key] = value;
        }

        new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(instance);
        return instance;
    }

    /// <summary>
    /// The problems of the validators run on the bound options, less those about a key whose value was already wrong,
    /// or under or above one: the binder left it out, so a validator complaining of it would only repeat the first problem.
    /// </summary>
    /// <param name="problems">The validators' problems.</param>
    /// <returns><see cref="Problems"/> followed by the problems that say something new.</returns>
    public IReadOnlyList<ConfigurationProblem> With(IEnumerable<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return [.. Problems, .. problems.Where(p => !IsBad(p.Path))];
    }

    /// <summary>Whether the value at <paramref name="path"/> itself was wrong, and so left out of binding.</summary>
    /// <param name="path">A key path.</param>
    /// <returns>True when binding did not see it.</returns>
    public bool WasLeftOut(string path) => _overrides.TryGetValue(path, out var value) && value is null;

    /// <summary>Whether the value at <paramref name="path"/>, or a section around or inside it, was wrong.</summary>
    /// <param name="path">A key path.</param>
    /// <returns>True when a problem overlaps it.</returns>
    public bool IsBad(string path) => Problems.Any(p => _overrides.ContainsKey(p.Path) && p.Overlaps(path));
}
