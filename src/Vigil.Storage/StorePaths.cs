namespace Vigil.Storage;

/// <summary>Where the store lives: <c>--store PATH</c>, else <c>VIGIL_STORE</c>, else <c>.vigil/vigil.db</c>.</summary>
public static class StorePaths
{
    /// <summary>The environment variable that names the store file.</summary>
    public const string EnvironmentVariable = "VIGIL_STORE";

    /// <summary>The store file relative to the current directory when nothing else names one.</summary>
    public static readonly string DefaultRelativePath = Path.Combine(".vigil", "vigil.db");

    /// <summary>
    /// Resolves the store file: <paramref name="explicitPath"/> when given, else the
    /// <c>VIGIL_STORE</c> environment variable when set, else <c>.vigil/vigil.db</c> under the
    /// current directory. Relative paths are made absolute against the current directory.
    /// </summary>
    /// <param name="explicitPath">The path the user gave (<c>--store</c>), or null.</param>
    /// <returns>The absolute path of the store file.</returns>
    public static string Resolve(string? explicitPath) =>
        Resolve(explicitPath, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory());

    /// <summary>
    /// Resolves with the environment and directory given: the one rule the CLI (its injected
    /// environment), the SDK's local sink (the working directory it started in) and tests share.
    /// </summary>
    /// <param name="explicitPath">The path the user gave, or null.</param>
    /// <param name="getEnvironmentVariable">Reads an environment variable.</param>
    /// <param name="currentDirectory">The directory relative paths are resolved against.</param>
    /// <returns>The absolute path of the store file.</returns>
    public static string Resolve(string? explicitPath, Func<string, string?> getEnvironmentVariable, string currentDirectory)
    {
        var chosen = !string.IsNullOrWhiteSpace(explicitPath)
            ? explicitPath
            : getEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(chosen))
        {
            chosen = DefaultRelativePath;
        }

        return Path.GetFullPath(chosen, currentDirectory);
    }
}
