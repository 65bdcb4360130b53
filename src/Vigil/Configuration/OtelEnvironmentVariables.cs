namespace Vigil.Configuration;

/// <summary>
/// The standard OpenTelemetry environment variables Vigil understands, and how their values map to
/// Vigil's keys. See https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/.
/// </summary>
internal static class OtelEnvironmentVariables
{
    public const string ServiceName = "OTEL_SERVICE_NAME";
    public const string ResourceAttributes = "OTEL_RESOURCE_ATTRIBUTES";
    public const string ExporterEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ExporterProtocol = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ExporterHeaders = "OTEL_EXPORTER_OTLP_HEADERS";
    public const string ExporterTimeout = "OTEL_EXPORTER_OTLP_TIMEOUT";
    public const string TracesSampler = "OTEL_TRACES_SAMPLER";
    public const string TracesSamplerArg = "OTEL_TRACES_SAMPLER_ARG";
    public const string MetricsExemplarFilter = "OTEL_METRICS_EXEMPLAR_FILTER";

    public static readonly IReadOnlyList<(string Variable, string Key)> SimpleKeys =
    [
        (ServiceName, "Service:Name"),
        (ExporterEndpoint, "Otlp:Endpoint"),
        (ExporterProtocol, "Otlp:Protocol"),
        (ExporterHeaders, "Otlp:Headers"),
        (ExporterTimeout, "Otlp:TimeoutMilliseconds"),
        (TracesSampler, "Tracing:Sampler"),
        (TracesSamplerArg, "Tracing:SamplerRatio"),
        (MetricsExemplarFilter, "Metrics:ExemplarFilter"),
    ];

    private static readonly Dictionary<string, string> s_protocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["grpc"] = nameof(OtlpProtocol.Grpc),
        ["http/protobuf"] = nameof(OtlpProtocol.HttpProtobuf),
    };

    private static readonly Dictionary<string, string> s_exemplarFilters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace_based"] = nameof(ExemplarFilterKind.TraceBased),
        ["always_off"] = nameof(ExemplarFilterKind.AlwaysOff),
        ["always_on"] = nameof(ExemplarFilterKind.AlwaysOn),
    };

    private static readonly Dictionary<string, string> s_samplers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["always_on"] = nameof(SamplerKind.AlwaysOn),
        ["always_off"] = nameof(SamplerKind.AlwaysOff),
        ["traceidratio"] = nameof(SamplerKind.Ratio),
        ["parentbased_always_on"] = nameof(SamplerKind.ParentBasedAlwaysOn),
        ["parentbased_always_off"] = nameof(SamplerKind.ParentBasedAlwaysOff),
        ["parentbased_traceidratio"] = nameof(SamplerKind.ParentBasedRatio),
    };

    /// <summary>The spellings an OTEL variable allows, for error messages; null when any value of the key's type is allowed.</summary>
    public static string? AllowedValues(string variable) => variable switch
    {
        ExporterProtocol => string.Join(", ", s_protocols.Keys),
        TracesSampler => string.Join(", ", s_samplers.Keys),
        _ => null,
    };

    /// <summary>
    /// Translates the standard spelling into Vigil's. An unknown spelling is passed on as it is, so
    /// that validation reports it with the variable's name.
    /// </summary>
    public static string TranslateValue(string variable, string value) => variable switch
    {
        ExporterProtocol => s_protocols.GetValueOrDefault(value, value),
        TracesSampler => s_samplers.GetValueOrDefault(value, value),
        MetricsExemplarFilter => s_exemplarFilters.GetValueOrDefault(value, value),
        _ => value,
    };

    /// <summary>
    /// Parses <c>key1=value1,key2=value2</c> with percent-encoded values, as the specification defines.
    /// </summary>
    /// <exception cref="VigilConfigurationException">An entry has no <c>=</c>, an empty key, or bad percent-encoding.</exception>
    public static IEnumerable<KeyValuePair<string, string>> ParseResourceAttributes(string text)
    {
        var attributes = new List<KeyValuePair<string, string>>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? entry[..equals].Trim() : string.Empty;
            if (key.Length == 0)
            {
                throw new VigilConfigurationException(
                    [$"{ResourceAttributes} entry '{entry}' is not of the form key=value (expected key1=value1,key2=value2)."]);
            }

            attributes.Add(new(key, Uri.UnescapeDataString(entry[(equals + 1)..].Trim())));
        }

        return attributes;
    }
}
