using System.CommandLine;
using Vigil.Cli.Output;
using Vigil.Server.Configuration;
using Vigil.Server.Hosting;
using Vigil.Server.Probes;

namespace Vigil.Cli.Commands.Serve;

/// <summary>
/// <c>--config FILE</c>: the server's configuration file (probes, error tracking). Without it, <c>VIGIL_SERVER_CONFIG</c>, else
/// <c>vigil.server.json</c> in the working directory when there is one. A missing or wrong file is a usage error
/// that lists every problem.
/// </summary>
internal sealed class ServerConfigOption
{
    private readonly Option<string?> _config;

    /// <summary>Creates the option; <paramref name="use"/> says what the command reads from the file.</summary>
    public ServerConfigOption(string use = "probes and error tracking") =>
        _config = new("--config")
        {
            Description = $"The server's configuration file: {use} (default: ${ServerConfigurationLoader.EnvironmentVariable}, else ./{ServerConfigurationLoader.DefaultFileName} when present).",
            HelpName = "FILE",
        };

    /// <summary>Adds the option to <paramref name="command"/>.</summary>
    public void AddTo(Command command) => command.Options.Add(_config);

    /// <summary>Whether <c>--config</c> was given on the command line.</summary>
    public bool IsGiven(ParseResult parseResult) => parseResult.GetValue(_config) is not null;

    /// <summary>
    /// The file <c>vigil serve</c> would read (this option, else the environment variable, else the working
    /// directory's) and what it declares; null when there is none. Commands that evaluate a server's configuration
    /// against a store file themselves (<c>vigil slo</c>, <c>vigil mcp</c>, <c>vigil status</c>) read it here.
    /// </summary>
    /// <exception cref="CliUsageException">The file is missing or wrong.</exception>
    public (string Path, ServerConfiguration Value)? Read(ParseResult parseResult, CliContext context)
    {
        var path = ServerConfigurationLoader.Locate(parseResult.GetValue(_config), context.GetEnvironmentVariable, context.CurrentDirectory);
        if (path is null)
        {
            return null;
        }

        try
        {
            return (path, ServerConfigurationLoader.Load(path));
        }
        catch (ServerConfigurationException e)
        {
            throw new CliUsageException(e.Message);
        }
    }

    /// <summary>Reads the configuration file, if any, into <paramref name="options"/>.</summary>
    /// <returns>The file read, or null when there is none.</returns>
    /// <exception cref="CliUsageException">The file is missing or wrong.</exception>
    public string? ApplyTo(ParseResult parseResult, CliContext context, VigilServerOptions options)
    {
        if (Read(parseResult, context) is not { } file)
        {
            return null;
        }

        var (path, configuration) = file;
        options.Probes = configuration.Probes;
        options.ErrorTracking = configuration.ErrorTracking;
        options.Alerts = configuration.Alerts;
        options.ConfigurationFile = path;
        options.QueryTimeout = configuration.QueryTimeout ?? options.QueryTimeout;
        options.Retention = configuration.Retention;
        options.RetentionInterval = configuration.RetentionInterval;
        options.DiskGuard = configuration.DiskGuard;
        options.MaxClockSkew = configuration.MaxClockSkew ?? options.MaxClockSkew;
        return path;
    }

    /// <summary>Writes the configuration file and one line per probe for serve's start-up block.</summary>
    public static async Task WriteProbesAsync(TextWriter output, string? source, IReadOnlyList<ProbeDefinition> probes)
    {
        if (source is not null)
        {
            await output.WriteLineAsync($"  config     {source}").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  probes     {(probes.Count == 0 ? "none" : probes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}").ConfigureAwait(false);
        // Names padded to the longest so the targets line up.
        var width = probes.Count == 0 ? 0 : probes.Max(p => p.Name.Length);
        foreach (var probe in probes)
        {
            await output.WriteLineAsync($"    {probe.Name.PadRight(width)}  {Target(probe)}  every {DurationFormatter.Format(probe.Interval)}, timeout {DurationFormatter.Format(probe.Timeout)}").ConfigureAwait(false);
        }
    }

    private static string Target(ProbeDefinition probe) => probe.Kind switch
    {
        ProbeKind.Http => $"http {probe.Method.ToUpperInvariant()} {probe.Url}",
        ProbeKind.Tcp => $"tcp {probe.Host}:{probe.Port}",
        _ => $"command {probe.File}{(probe.Arguments.Count == 0 ? string.Empty : " " + string.Join(' ', probe.Arguments))}",
    };
}
