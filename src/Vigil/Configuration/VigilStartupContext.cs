using Microsoft.Extensions.Configuration;

namespace Vigil.Configuration;

/// <summary>What Vigil reads its configuration from. Tests pass their own; the app gets the process's.</summary>
internal sealed record VigilStartupContext(
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment,
    IConfiguration? HostConfiguration = null,
    string? HostEnvironmentName = null)
{
    public static VigilStartupContext FromProcess(IConfiguration? hostConfiguration = null, string? hostEnvironmentName = null) =>
        new(Directory.GetCurrentDirectory(), VigilOptionsLoader.ProcessEnvironment(), hostConfiguration, hostEnvironmentName);
}
