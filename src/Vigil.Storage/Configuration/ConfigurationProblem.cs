namespace Vigil.Storage.Configuration;

/// <summary>
/// One problem in configuration: the key path (<c>Errors:GroupingRules:2:MergeInto</c>) and what is wrong there.
/// Problems are collected, never thrown one at a time, so that one start-up reports them all.
/// </summary>
/// <param name="Path">The key path, colon-separated like .NET configuration keys; empty for the whole source.</param>
/// <param name="Message">The bad value and what is allowed, to be read after the path.</param>
public readonly record struct ConfigurationProblem(string Path, string Message)
{
    /// <summary>
    /// The key whose source the problem came from, when it is not <see cref="Path"/> itself: a section's problem
    /// (an unknown section) names the source of one of its values.
    /// </summary>
    public string? SourceKey { get; init; }

    /// <summary>True when <see cref="Path"/> is <paramref name="path"/>, under it, or above it: a problem there makes checks of this one moot.</summary>
    /// <param name="path">Another key path.</param>
    /// <returns>Whether the two paths overlap.</returns>
    public bool Overlaps(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Equals(Path, path, StringComparison.OrdinalIgnoreCase) || IsUnder(Path, path) || IsUnder(path, Path);
    }

    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";

    private static bool IsUnder(string path, string parent) =>
        path.Length > parent.Length && path[parent.Length] == ':' && path.StartsWith(parent, StringComparison.OrdinalIgnoreCase);
}
