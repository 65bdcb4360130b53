using System.Collections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Vigil.Storage;
using Vigil.Storage.Configuration;

namespace Vigil.Configuration;

/// <summary>
/// Turns vigil.json, the host's <c>Vigil</c> section, environment variables and code into validated
/// <see cref="VigilOptions"/>, or a <see cref="VigilConfigurationException"/> that lists every problem.
/// </summary>
internal static class VigilOptionsLoader
{
    public const string FileName = "vigil.json";
    public const string HostSectionName = "Vigil";

    // Levels and severities are read in the words the CLI and the server take; a list's example names its variable too.
    private static readonly ConfigurationShapeOptions s_shapeOptions = new()
    {
        Scalars = new Dictionary<Type, ConfigurationScalar>(ErrorTrackingSection.Scalars) { [typeof(LogLevel)] = LogLevelText.Scalar },
        ListExample = path => $"\"{path[(path.LastIndexOf(':') + 1)..]}\": [ ... ] in JSON or {VigilEnvironmentConfigurationProvider.Prefix}{path.Replace(":", "__", StringComparison.Ordinal)}__0=... in the environment",
    };

    public static VigilOptions Load(VigilStartupContext context, Action<VigilOptions>? configure)
    {
        var filePath = Path.GetFullPath(Path.Combine(context.WorkingDirectory, FileName));
        var environmentProvider = new VigilEnvironmentConfigurationProvider(context.Environment);
        IConfigurationRoot configuration;
        try
        {
            var builder = new ConfigurationBuilder().AddJsonFile(filePath, optional: true, reloadOnChange: false);
            if (context.HostConfiguration is { } host)
            {
                builder.AddConfiguration(host.GetSection(HostSectionName));
            }

            configuration = builder.Add(new EnvironmentSource(environmentProvider)).Build();
        }
        catch (VigilConfigurationException)
        {
            throw;
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new VigilConfigurationException($"{filePath} cannot be read: {Flatten(exception)}", exception);
        }

        string DescribeOrigin(string key)
        {
            if (environmentProvider.DescribeOrigin(key) is { } variable)
            {
                return variable;
            }

            return configuration.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _)) switch
            {
                null => "code",
                Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider => filePath,
                _ => $"the host's '{HostSectionName}' configuration section",
            };
        }

        var shape = ConfigurationShape.Check(configuration, typeof(VigilOptions), s_shapeOptions);
        if (shape.Problems.Count > 0)
        {
            throw new VigilConfigurationException([.. shape.Problems.Select(p => Render(p, DescribeOrigin))]);
        }

        var options = shape.Bind(configuration, new VigilOptions());
        if (options.Service.Environment is null && !options.Service.Attributes.ContainsKey("deployment.environment"))
        {
            options.Service.Environment = context.HostEnvironmentName;
        }

        configure?.Invoke(options);

        var errors = VigilOptionsValidator.Validate(options, DescribeOrigin);
        return errors.Count > 0 ? throw new VigilConfigurationException(errors) : options;
    }

    /// <summary>A problem as the exception lists it: the key, what is wrong, and where the value came from.</summary>
    public static string Render(ConfigurationProblem problem, Func<string, string> describeOrigin) =>
        $"'{problem.Path}': {problem.Message} (from {describeOrigin(problem.SourceKey ?? problem.Path)}).";

    /// <summary>The process's environment variables, as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return variables;
    }

    private static string Flatten(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message.TrimEnd('.'));
        }

        return string.Join(": ", messages.Distinct()) + ".";
    }

    private sealed class EnvironmentSource(VigilEnvironmentConfigurationProvider provider) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => provider;
    }
}
