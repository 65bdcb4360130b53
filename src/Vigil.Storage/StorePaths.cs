namespace Vigil.Storage;

/// <summary>
/// Where the store lives: <c>--store PATH</c>, else <c>VIGIL_STORE</c>, else <c>.vigil/vigil.db</c>. Either names a
/// SQLite file or a PostgreSQL database (a <c>postgres://</c> URL or a connection string, see <see cref="IsDatabase"/>).
/// </summary>
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

        return IsDatabase(chosen) ? chosen.Trim() : Path.GetFullPath(chosen, currentDirectory);
    }

    /// <summary>
    /// Whether <paramref name="location"/> names a PostgreSQL database rather than a file: a <c>postgres://</c> or
    /// <c>postgresql://</c> URL, or a connection string with a <c>Host=</c> (or <c>Server=</c>) setting.
    /// </summary>
    /// <param name="location">What <c>--store</c>, <c>VIGIL_STORE</c> or the configuration gave.</param>
    /// <returns>True for a database, false for a file path.</returns>
    public static bool IsDatabase(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var text = location.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var part in text.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals].Trim() is var key &&
                (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
