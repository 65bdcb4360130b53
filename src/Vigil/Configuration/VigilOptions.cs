namespace Vigil;

/// <summary>
/// Everything Vigil can be told. Read, lowest precedence first, from <c>vigil.json</c> in the
/// working directory, the host's <c>Vigil</c> configuration section, the standard <c>OTEL_*</c>
/// environment variables, <c>VIGIL__Section__Key</c> environment variables, and finally code.
/// Every key is documented in docs/configuration.md.
/// </summary>
public sealed class VigilOptions
{
    /// <summary>Who is emitting the telemetry (section <c>Service</c>).</summary>
    public ServiceOptions Service { get; } = new();

    /// <summary>Which log records are kept (section <c>Logging</c>).</summary>
    public LoggingOptions Logging { get; } = new();

    /// <summary>Which activity sources are traced and how they are sampled (section <c>Tracing</c>).</summary>
    public TracingOptions Tracing { get; } = new();

    /// <summary>Which meters are collected and how histograms are bucketed (section <c>Metrics</c>).</summary>
    public MetricsOptions Metrics { get; } = new();

    /// <summary>What ASP.NET Core, HttpClient and the runtime report, captured by default (section <c>Instrumentation</c>).</summary>
    public InstrumentationOptions Instrumentation { get; } = new();

    /// <summary>The console sink (section <c>Console</c>).</summary>
    public ConsoleSinkOptions Console { get; } = new();

    /// <summary>The rolling file sink (section <c>File</c>).</summary>
    public FileSinkOptions File { get; } = new();

    /// <summary>The local store that <c>vigil logs</c>, <c>vigil traces</c> and <c>vigil metrics</c> read (section <c>Store</c>).</summary>
    public StoreSinkOptions Store { get; } = new();

    /// <summary>The OTLP exporter (section <c>Otlp</c>).</summary>
    public OtlpSinkOptions Otlp { get; } = new();

    /// <summary>The InfluxDB line-protocol sink for metrics (section <c>Influx</c>).</summary>
    public InfluxSinkOptions Influx { get; } = new();

    /// <summary>The Prometheus Pushgateway sink: metrics pushed when the application stops (section <c>PushGateway</c>).</summary>
    public PushGatewaySinkOptions PushGateway { get; } = new();

    /// <summary>Queueing and batching shared by the file and OTLP sinks (section <c>Export</c>).</summary>
    public ExportOptions Export { get; } = new();

    /// <summary>Which attribute values are masked before any sink sees them (section <c>Redaction</c>).</summary>
    public RedactionOptions Redaction { get; } = new();

    /// <summary>Unhandled-exception capture and how the local store groups errors (section <c>Errors</c>).</summary>
    public ErrorsOptions Errors { get; } = new();

    /// <summary>How registered health checks are run and recorded (section <c>Health</c>).</summary>
    public HealthOptions Health { get; } = new();
}
