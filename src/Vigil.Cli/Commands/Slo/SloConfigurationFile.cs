using Vigil.Alerting.Slos;
using Vigil.Server.Configuration;

namespace Vigil.Cli.Commands.Slo;

/// <summary>
/// The SLOs a server's configuration file declares, found by the rules <c>vigil serve</c> uses (<c>--config</c>, else
/// <c>$VIGIL_CONFIG</c>, else <c>./vigil.server.json</c>), for the commands that evaluate them against a store file
/// themselves (<c>vigil slo</c>, <c>vigil mcp</c>). A file that is named but missing or wrong is a usage error.
/// </summary>
internal static class SloConfigurationFile
{
    /// <summary>The file's path and SLOs; null when no file was given and none is found.</summary>
    public static (string Path, IReadOnlyList<SloDefinition> Slos)? Read(string? given, CliContext context)
    {
        var path = ServerConfigurationLoader.Locate(given, context.GetEnvironmentVariable, context.CurrentDirectory);
        if (path is null)
        {
            return null;
        }

        try
        {
            return (path, SloConfiguration.Build(ServerConfigurationLoader.Load(path).Alerts));
        }
        catch (ServerConfigurationException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
