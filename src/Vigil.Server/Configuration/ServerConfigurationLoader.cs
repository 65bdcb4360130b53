using System.Text;
using Vigil.Alerting.Rules;
using Vigil.Alerting.Slos;
using Vigil.Server.Probes;
using Vigil.Storage;
using Vigil.Storage.Configuration;

namespace Vigil.Server.Configuration;

/// <summary>
/// Finds and reads the server's configuration file (JSON; see docs/server.md) the way the SDK reads <c>vigil.json</c>:
/// the configuration provider reads it, <see cref="ConfigurationShape"/> checks its keys and values, the binder binds
/// it, and the validators check what was bound. Everything is checked before the server starts, and every problem is
/// reported at once, each with its key path.
/// </summary>
public static partial class ServerConfigurationLoader
{
    /// <summary>The file read from the working directory when no other is named.</summary>
    public const string DefaultFileName = "vigil.server.json";

    /// <summary>The environment variable naming the file when <c>--config</c> is absent.</summary>
    public const string EnvironmentVariable = "VIGIL_SERVER_CONFIG";

    // A configuration file is small; a bigger one is a mistake (or not a configuration file).
    private const long MaxFileBytes = 1024 * 1024;

    // Durations, probe kinds and severities are read in Vigil's words, the ones the CLI takes, not the binder's.
    private static readonly ConfigurationShapeOptions s_shapeOptions = new()
    {
        Scalars = new Dictionary<Type, ConfigurationScalar>(ErrorTrackingSection.Scalars)
        {
            [typeof(TimeSpan)] = DurationText.Scalar,
            [typeof(ProbeKind)] = ProbeKindNames.Scalar,
        },
    };

    /// <summary>
    /// The file to read: <paramref name="path"/> when given, else the one the environment variable names, else
    /// <see cref="DefaultFileName"/> in <paramref name="directory"/> when it exists; null when there is none.
    /// </summary>
    /// <param name="path">The <c>--config</c> value.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="directory">The working directory.</param>
    /// <returns>The absolute path, or null.</returns>
    public static string? Locate(string? path, Func<string, string?> environment, string directory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrWhiteSpace(path))
        {
            path = environment(EnvironmentVariable);
        }

        if (!string.IsNullOrWhiteSpace(path))
        {
            return Path.GetFullPath(path, directory);
        }

        var local = Path.Combine(directory, DefaultFileName);
        return File.Exists(local) ? local : null;
    }

    /// <summary>Reads and checks a configuration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ServerConfigurationException">The file is missing, unreadable or wrong; lists every problem.</exception>
    public static ServerConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new ServerConfigurationException(path, [new ConfigurationProblem(string.Empty, $"the file is larger than {MaxFileBytes / 1024} KiB; is it the configuration?")]);
            }

            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ServerConfigurationException(path, [new ConfigurationProblem(string.Empty, "the configuration file does not exist")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServerConfigurationException(path, [new ConfigurationProblem(string.Empty, $"the configuration file cannot be read: {e.Message}")]);
        }

        return Parse(json, path);
    }

    /// <summary>Reads and checks configuration text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ServerConfigurationException">The text is wrong; lists every problem.</exception>
    public static ServerConfiguration Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        var syntax = JsonSyntax.Check(json);
        if (syntax.Count > 0)
        {
            throw new ServerConfigurationException(source, syntax);
        }

        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var shape = ConfigurationShape.Check(configuration, typeof(ServerConfigurationSection), s_shapeOptions);
        var bound = shape.Bind(configuration, new ServerConfigurationSection());
        var probes = new List<ProbeDefinition?>();
        var problems = new List<ConfigurationProblem>(ErrorTrackingSectionValidator.Check(bound.Errors));
        problems.AddRange(bound.Alerts.ValidateNotifications("Alerts"));
        problems.AddRange(bound.Retention.Validate("Retention"));
        problems.AddRange(bound.DiskGuard.Validate("DiskGuard"));
        problems.AddRange(SloConfiguration.Check(bound.Alerts));
        problems.AddRange(AlertRuleValidator.Check(bound.Alerts, File.Exists(source) ? source : null, shape.IsBad));
        for (var i = 0; i < bound.Probes.Count; i++)
        {
            var path = $"Probes:{i}";

            // A probe that is not an object, or has no kind, is reported as such; what else it says is not checked.
            var probe = bound.Probes[i];
            var usable = !shape.WasLeftOut(path) && !shape.WasLeftOut($"{path}:Kind");
            if (usable)
            {
                problems.AddRange(probe.Validate(path));
            }

            probes.Add(usable && probe.Kind is not null ? probe.ToDefinition() : null);
        }

        // What the options already said about a key (a missing port) is not said again about the probe made from them.
        var said = problems.Select(p => p.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);
        problems.AddRange(ProbeValidation.Validate(probes, skip: path => shape.IsBad(path) || said.Contains(path)));
        var all = shape.With(problems);
        if (all.Count > 0)
        {
            throw new ServerConfigurationException(source, all);
        }

        return new ServerConfiguration
        {
            Source = source,
            Probes = [.. probes.OfType<ProbeDefinition>()],
            ErrorTracking = bound.Errors.ToOptions(),
            Alerts = bound.Alerts,
            Retention = bound.Retention.ToOptions(),
            RetentionInterval = bound.Retention.Interval ?? RetentionSection.DefaultInterval,
            DiskGuard = bound.DiskGuard.ToOptions(),
            QueryTimeout = bound.QueryTimeout,
            MaxClockSkew = bound.MaxClockSkew,
        };
    }
}
