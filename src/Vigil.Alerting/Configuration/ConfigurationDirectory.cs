namespace Vigil.Alerting.Configuration;

/// <summary>The directory a configuration's relative paths (rule files, the budget file) are read from.</summary>
internal static class ConfigurationDirectory
{
    /// <summary>The configuration file's directory, or the working directory when there is no file.</summary>
    public static string Of(string? configurationFile) =>
        configurationFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configurationFile)) ?? Directory.GetCurrentDirectory();
}
