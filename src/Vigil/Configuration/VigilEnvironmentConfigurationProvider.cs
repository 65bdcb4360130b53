using Microsoft.Extensions.Configuration;

namespace Vigil.Configuration;

/// <summary>
/// Reads <c>VIGIL__Section__Key</c> variables and translates the standard <c>OTEL_*</c> ones into
/// Vigil's keys. It takes the variables as a dictionary, rather than reading the process's, so that
/// tests stay hermetic.
/// </summary>
internal sealed class VigilEnvironmentConfigurationProvider : ConfigurationProvider
{
    public const string Prefix = "VIGIL__";

    private static readonly (string Variable, string Key)[] s_sentryKeys =
    [
        ("SENTRY_DSN", "Errors:Sentry:Dsn"),
        ("SENTRY_ENVIRONMENT", "Errors:Sentry:Environment"),
    ];

    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly Dictionary<string, string> _origins = new(StringComparer.OrdinalIgnoreCase);

    public VigilEnvironmentConfigurationProvider(IReadOnlyDictionary<string, string?> environment)
    {
        _environment = environment;
    }

    /// <summary>Names the variable a key came from, for error messages.</summary>
    public string? DescribeOrigin(string key) =>
        _origins.TryGetValue(key, out var variable) ? $"environment variable {variable}" : null;

    public override void Load()
    {
        Data.Clear();
        _origins.Clear();

        // OTEL_* first, so that an explicit VIGIL__ variable for the same key wins.
        foreach (var (variable, key) in OtelEnvironmentVariables.SimpleKeys)
        {
            if (Get(variable) is { } value)
            {
                Set(key, OtelEnvironmentVariables.TranslateValue(variable, value), variable);
            }
        }

        if (Get(OtelEnvironmentVariables.ExporterEndpoint) is not null)
        {
            Set("Otlp:Enabled", "true", OtelEnvironmentVariables.ExporterEndpoint);
        }

        if (Get(OtelEnvironmentVariables.ResourceAttributes) is { } attributes)
        {
            foreach (var (name, value) in OtelEnvironmentVariables.ParseResourceAttributes(attributes))
            {
                Set($"Service:Attributes:{name}", value, OtelEnvironmentVariables.ResourceAttributes);
            }
        }

        // Sentry's own variables, which the Sentry add-on (Vigil.Sentry) reports to; read here so they are checked as keys are.
        foreach (var (variable, key) in s_sentryKeys)
        {
            if (Get(variable) is { } value)
            {
                Set(key, value, variable);
            }
        }

        // The Prometheus clients' variable for a Pushgateway: naming one turns the sink on, as OTEL_EXPORTER_OTLP_ENDPOINT does OTLP.
        if (Get(PushGatewaySinkOptions.EnvironmentVariable) is { } gateway)
        {
            Set("PushGateway:Endpoint", gateway, PushGatewaySinkOptions.EnvironmentVariable);
            Set("PushGateway:Enabled", "true", PushGatewaySinkOptions.EnvironmentVariable);
        }

        foreach (var (variable, value) in _environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (value is not null && variable.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && variable.Length > Prefix.Length)
            {
                Set(variable[Prefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), value, variable);
            }
        }
    }

    private string? Get(string variable) =>
        _environment.TryGetValue(variable, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private void Set(string key, string value, string variable)
    {
        Data[key] = value;
        _origins[key] = variable;
    }
}
