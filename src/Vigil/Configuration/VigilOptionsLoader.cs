using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Vigil.Configuration;

/// <summary>
/// Turns vigil.json, the host's <c>Vigil</c> section, environment variables and code into validated
/// <see cref="VigilOptions"/>, or a <see cref="VigilConfigurationException"/> that lists every problem.
/// </summary>
internal static class VigilOptionsLoader
{
    public const string FileName = "vigil.json";
    public const string HostSectionName = "Vigil";

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

        var errors = ConfigurationChecker.Check(configuration, DescribeOrigin);
        if (errors.Count > 0)
        {
            throw new VigilConfigurationException(errors);
        }

        var options = new VigilOptions();
        configuration.Bind(options);
        if (options.Service.Environment is null && !options.Service.Attributes.ContainsKey("deployment.environment"))
        {
            options.Service.Environment = context.HostEnvironmentName;
        }

        configure?.Invoke(options);

        errors = VigilOptionsValidator.Validate(options, DescribeOrigin);
        return errors.Count > 0 ? throw new VigilConfigurationException(errors) : options;
    }

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
