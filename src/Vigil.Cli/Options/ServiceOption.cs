using System.CommandLine;

namespace Vigil.Cli.Options;

/// <summary><c>--service NAME</c>: only telemetry from this <c>service.name</c>.</summary>
internal static class ServiceOption
{
    /// <summary>Creates the option.</summary>
    public static Option<string?> Create() => new("--service", "-s")
    {
        Description = "Only telemetry from this service (its service.name).",
        HelpName = "NAME",
    };
}
