using Vigil.Configuration;
using Vigil.Storage;

namespace Vigil.LocalStore;

internal static class LocalStorePath
{
    /// <summary>
    /// The store file: <c>Store:Path</c>, else <c>VIGIL_STORE</c>, else <c>.vigil/vigil.db</c>, relative to the
    /// working directory Vigil started in — the same rule the <c>vigil</c> command follows, so that
    /// running it from the application's folder finds the application's telemetry.
    /// </summary>
    public static string Resolve(StoreSinkOptions options, SinkEnvironment environment) =>
        StorePaths.Resolve(options.Path, name => environment.Variables.GetValueOrDefault(name), environment.WorkingDirectory);

    public static RetentionOptions Retention(StoreSinkOptions options) => new()
    {
        MaxAge = TimeSpan.FromHours(options.MaxAgeHours),
        MaxSizeBytes = options.MaxSizeMegabytes * 1024L * 1024L,
    };
}
